package dev.ecsgen.engine.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.JsonPointers;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Builds a JSON template tree from Jackson's tokens, recording the line of every value. */
final class JsonTemplateParser {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonParser parser;
    private final Map<String, Integer> lines = new HashMap<>();

    private JsonTemplateParser(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static TemplateFile parse(String file, String text, long bytes) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw TemplateReader.empty(file);
            }
            JsonLocation start = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                String kind = parser.currentToken() == JsonToken.START_ARRAY ? "an array" : "a scalar";
                throw TemplateReader.notMapping(file, start.getLineNr(), start.getColumnNr(), kind);
            }
            JsonTemplateParser reader = new JsonTemplateParser(file, parser);
            JsonNode template = reader.value("");
            if (parser.nextToken() != null) {
                throw invalid(file, parser.currentTokenLocation(), "invalid content after the template: a template"
                        + " file contains one JSON document, so remove the rest");
            }
            return new TemplateFile(file, template, bytes, reader.lines);
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), "invalid JSON: " + safeReason(e.getOriginalMessage())
                    + ". Fix the JSON syntax.");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(file + ": cannot read the template: " + e.getMessage());
        }
    }

    /**
     * Returns Jackson's message on one line without the text of an unrecognized token, because that token is
     * source text and could be an unquoted secret.
     */
    static String safeReason(String message) {
        return String.valueOf(message)
                .replaceAll("\\s+", " ")
                .replaceAll("Unrecognized token '.*?':", "Unrecognized token:")
                .strip();
    }

    private static EcsgenException invalid(String file, JsonLocation location, String message) {
        return location == null
                ? TemplateReader.invalid(file, 0, 0, message)
                : TemplateReader.invalid(file, location.getLineNr(), location.getColumnNr(), message);
    }

    /** Reads the value that starts at the current token. */
    private JsonNode value(String pointer) throws IOException {
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (object.has(name)) {
                        throw TemplateReader.duplicateKey(file, keyLocation.getLineNr(), keyLocation.getColumnNr(),
                                name, pointer);
                    }
                    String child = JsonPointers.child(pointer, name);
                    lines.putIfAbsent(child, keyLocation.getLineNr());
                    parser.nextToken();
                    object.set(name, value(child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(JsonPointers.child(pointer, index++)));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw invalid(file, parser.currentTokenLocation(), "invalid JSON: unexpected " + token
                    + ". Fix the JSON syntax.");
        }
    }
}
