package dev.ecsgen.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies maps without losing their order, since the template's key order must be deterministic. */
final class Ordered {
    private Ordered() {
    }

    static Map<String, Object> copy(Map<String, ?> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
