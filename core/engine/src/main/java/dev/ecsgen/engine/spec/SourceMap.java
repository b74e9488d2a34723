package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every key and value in a YAML or JSON document, by JSON pointer, so that
 * checks made after loading can still point at the text.
 */
public final class SourceMap {
    private final String file;
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();

    private SourceMap(String file) {
        this.file = file;
    }

    /** Reads {@code content} once with the given factory and records every position. */
    static SourceMap scan(String file, JsonFactory factory, String content) throws IOException {
        SourceMap map = new SourceMap(file);
        try (JsonParser parser = factory.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    map.keys.putIfAbsent(pointer, parser.currentTokenLocation());
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    map.values.putIfAbsent(pointer, parser.currentTokenLocation());
                }
            }
        }
        return map;
    }

    /**
     * Returns the location of the value at {@code pointer}; for a value the document leaves out,
     * the key of its nearest enclosing value, such as {@code cluster:} for a defaulted size.
     */
    public SourceLocation explicitOrParent(String pointer) {
        if (values.containsKey(pointer) || pointer.isEmpty()) {
            return valueAt(pointer);
        }
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        return parent.isEmpty() ? valueAt("") : keyAt(parent);
    }

    /** Returns the location of the value at {@code pointer}, or of its nearest enclosing value. */
    public SourceLocation valueAt(String pointer) {
        return locate(pointer, values);
    }

    /** Returns the location of the key that names {@code pointer}, falling back to its value. */
    public SourceLocation keyAt(String pointer) {
        JsonLocation key = keys.get(pointer);
        return key != null ? toLocation(key) : valueAt(pointer);
    }

    /** Returns whether the document writes a key or value at {@code pointer}, as opposed to a default filling it in. */
    public boolean contains(String pointer) {
        return keys.containsKey(pointer) || values.containsKey(pointer);
    }

    public String file() {
        return file;
    }

    private SourceLocation locate(String pointer, Map<String, JsonLocation> index) {
        String current = pointer;
        while (true) {
            JsonLocation location = index.get(current);
            if (location != null) {
                return toLocation(location);
            }
            if (current.isEmpty()) {
                return new SourceLocation(file, 0, 0);
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    private SourceLocation toLocation(JsonLocation location) {
        return new SourceLocation(file, location.getLineNr(), location.getColumnNr());
    }

    /** Converts {@code /registries/1/host} to {@code registries[1].host}. */
    public static String displayPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.length() == 0 ? "the document" : out.toString();
    }
}
