package dev.ecsgen.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds CloudFormation intrinsic functions as plain maps and lists, so that plugins can describe
 * template values without depending on a JSON library. The engine serializes them as they are.
 */
public final class Cfn {
    private Cfn() {
    }

    /** Returns {@code {"Ref": name}}. */
    public static Map<String, Object> ref(String name) {
        return fn("Ref", name);
    }

    /** Returns {@code {"Fn::GetAtt": [resource, attribute]}}. */
    public static Map<String, Object> getAtt(String resource, String attribute) {
        return fn("Fn::GetAtt", List.of(resource, attribute));
    }

    /** Returns {@code {"Fn::Sub": template}}; the caller escapes literal {@code ${} with {@link #escapeSub}. */
    public static Map<String, Object> sub(String template) {
        return fn("Fn::Sub", template);
    }

    /** Returns {@code {"Fn::Sub": [template, variables]}}. */
    public static Map<String, Object> sub(String template, Map<String, ?> variables) {
        return fn("Fn::Sub", List.of(template, ordered(variables)));
    }

    /** Returns {@code {"Fn::Join": [delimiter, parts]}}. */
    public static Map<String, Object> join(String delimiter, Object... parts) {
        return fn("Fn::Join", List.of(delimiter, List.of(parts)));
    }

    /** Returns {@code {"Fn::Base64": value}}. */
    public static Map<String, Object> base64(Object value) {
        return fn("Fn::Base64", value);
    }

    /** Returns {@code {"Fn::FindInMap": [map, topKey, secondKey]}}. */
    public static Map<String, Object> findInMap(String map, Object topKey, Object secondKey) {
        return fn("Fn::FindInMap", List.of(map, topKey, secondKey));
    }

    /** Returns {@code {"Fn::If": [condition, whenTrue, whenFalse]}}. */
    public static Map<String, Object> ifThen(String condition, Object whenTrue, Object whenFalse) {
        return fn("Fn::If", List.of(condition, whenTrue, whenFalse));
    }

    /** Returns an ARN string for {@code Fn::Sub} that uses the stack's partition, never {@code arn:aws:}. */
    public static Map<String, Object> partitionArn(String service, String rest) {
        return sub("arn:${AWS::Partition}:" + service + ":" + rest);
    }

    /**
     * Escapes text for use as literal text inside an {@code Fn::Sub} template: CloudFormation reads
     * {@code ${!} as a literal {@code ${}.
     */
    public static String escapeSub(String text) {
        return text.replace("${", "${!");
    }

    /** Returns an unmodifiable map that keeps the order of the given key-value pairs. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object() takes key-value pairs, got " + Arrays.toString(keysAndValues));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> fn(String name, Object argument) {
        return Collections.singletonMap(name, argument);
    }

    private static Map<String, Object> ordered(Map<String, ?> variables) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
