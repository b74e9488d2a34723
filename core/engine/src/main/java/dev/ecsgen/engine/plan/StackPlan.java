package dev.ecsgen.engine.plan;

import dev.ecsgen.engine.spec.LoadedSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything the fragments need to render a stack, as plain data; nothing is rendered yet.
 *
 * @param spec     the validated spec it was planned from
 * @param model    the data model fragments see: maps, lists, strings, numbers and booleans
 * @param warnings problems that do not stop generation, such as an image without credentials
 */
public record StackPlan(LoadedSpec spec, Map<String, Object> model, List<String> warnings) {
}
