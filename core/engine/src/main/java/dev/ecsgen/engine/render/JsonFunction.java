package dev.ecsgen.engine.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;

/**
 * The {@code json(value)} function of fragments: writes any model value (text, number, boolean, list,
 * hash, or an intrinsic function built by a plugin) as JSON text, escaped as JSON requires. Keys of
 * maps without their own order are sorted, so the template is the same on every run.
 */
final class JsonFunction implements TemplateMethodModelEx {
    private final ObjectMapper mapper;

    JsonFunction(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("json() takes one value, got " + arguments.size());
        }
        Object value = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        try {
            return mapper.writeValueAsString(ModelJson.ordered(value));
        } catch (JsonProcessingException e) {
            throw new TemplateModelException("json() cannot write a " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
