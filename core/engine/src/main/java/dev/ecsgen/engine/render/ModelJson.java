package dev.ecsgen.engine.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes data model values as JSON in a repeatable key order. Maps built with {@code Map.of} or
 * {@code HashMap} iterate in an order that can change from one JVM run to the next, so their keys are
 * sorted. Every other map keeps its own order.
 */
public final class ModelJson {
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ModelJson() {
    }

    /** Returns {@code value} as indented JSON with a final newline, as {@code ecsgen fragments model} prints it. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(ordered(value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the data model cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns a copy of {@code value} whose maps iterate in a repeatable order. */
    static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = unordered(map) ? new TreeMap<>() : new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), ordered(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(ordered(item)));
            return copy;
        }
        return value;
    }

    private static boolean unordered(Map<?, ?> map) {
        return (map instanceof HashMap && !(map instanceof LinkedHashMap))
                || map.getClass().getName().startsWith("java.util.ImmutableCollections");
    }
}
