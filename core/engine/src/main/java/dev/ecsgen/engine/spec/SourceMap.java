package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.ecsgen.engine.EcsgenException;
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

    /**
     * Reads {@code content} once with the given factory and records every position.
     *
     * @throws EcsgenException for a YAML alias, a text value longer than the factory allows, or a document
     *                         nested deeper than it allows, with the line and column where the parser stopped
     */
    static SourceMap scan(String file, JsonFactory factory, String content) throws IOException {
        SourceMap map = new SourceMap(file);
        try (JsonParser parser = factory.createParser(content)) {
            JsonToken token;
            while ((token = nextToken(file, parser)) != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw aliasNotSupported(file, parser, yaml.getText());
                }
                if (token == JsonToken.VALUE_STRING
                        && parser.getTextLength() > parser.streamReadConstraints().getMaxStringLength()) {
                    // Jackson's YAML parser does not apply this limit itself, so a huge scalar stops here, before
                    // the second parse that binds the spec.
                    JsonLocation at = parser.currentTokenLocation();
                    throw EcsgenException.invalidInput(file + ":" + at.getLineNr() + ":" + at.getColumnNr()
                            + ": the value of " + displayPath(pointer) + " is " + parser.getTextLength()
                            + " characters long, more than the " + parser.streamReadConstraints().getMaxStringLength()
                            + " characters a spec value may have: shorten it");
                }
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
     * Jackson's YAML parser does not expand an alias. It returns the anchor's name as a text value, so
     * {@code description: *a} would silently become the text "a". A spec therefore rejects every alias.
     */
    private static EcsgenException aliasNotSupported(String file, JsonParser parser, String anchor) {
        JsonLocation at = parser.currentTokenLocation();
        return EcsgenException.invalidInput(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": YAML alias *"
                + anchor + " is not supported in a spec, because ecsgen does not expand anchors and aliases:"
                + " write the value out in full");
    }

    private static JsonToken nextToken(String file, JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            // The YAML parser reports the depth limit of block-style nesting wrapped in its own exception.
            boolean nesting = e.getMessage() != null && e.getMessage().contains("nesting depth");
            if (!nesting && !(e instanceof StreamConstraintsException)) {
                throw e;
            }
            JsonLocation at = parser.currentLocation();
            String limit = nesting
                    ? "the document is nested deeper than " + factoryNesting(parser) + " levels, far deeper than any"
                            + " spec needs: remove the extra brackets or indentation levels"
                    : "the document exceeds a size limit of the parser (" + firstLine(e.getMessage()) + ")";
            throw EcsgenException.invalidInput(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + limit);
        }
    }

    private static int factoryNesting(JsonParser parser) {
        return parser.streamReadConstraints().getMaxNestingDepth();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
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
