package dev.ecsgen.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.EcsgenException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges fragment outputs into one template: sections by logical id, in fragment order, with the
 * sections in CloudFormation's usual order. Two fragments that define one logical id are an error
 * naming both files.
 */
public final class TemplateMerger {
    private TemplateMerger() {
    }

    public static ObjectNode merge(List<RenderedFragment> fragments) {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        Map<String, FragmentSource> owners = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String section : FragmentRenderer.SECTIONS) {
            for (RenderedFragment fragment : fragments) {
                JsonNode value = fragment.tree().get(section);
                if (value == null) {
                    continue;
                }
                if (!value.isObject()) {
                    mergeScalar(template, section, value, fragment.source(), owners, conflicts);
                    continue;
                }
                ObjectNode target = template.has(section) ? (ObjectNode) template.get(section) : template.putObject(section);
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String key = section + "/" + field.getKey();
                    FragmentSource owner = owners.putIfAbsent(key, fragment.source());
                    if (owner != null) {
                        conflicts.add(section + " entry " + field.getKey() + " is defined by both "
                                + owner.location() + " and " + fragment.source().location()
                                + ": rename one, or override the first fragment by giving a file the same name in a higher layer");
                    } else {
                        target.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw EcsgenException.checkFailed(String.join("\n", conflicts));
        }
        removeEmptySections(template);
        return template;
    }

    private static void mergeScalar(ObjectNode template, String section, JsonNode value, FragmentSource source,
            Map<String, FragmentSource> owners, List<String> conflicts) {
        FragmentSource owner = owners.putIfAbsent(section, source);
        if (owner == null) {
            template.set(section, value);
        } else if (!template.get(section).equals(value)) {
            conflicts.add(section + " is set differently by both " + owner.location() + " and " + source.location()
                    + ": keep it in one fragment");
        }
    }

    private static void removeEmptySections(ObjectNode template) {
        List<String> empty = new ArrayList<>();
        template.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && field.getValue().isEmpty() && !field.getKey().equals("Resources")) {
                empty.add(field.getKey());
            }
        });
        template.remove(empty);
    }
}
