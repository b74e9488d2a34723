package dev.ecsgen.engine.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads CloudFormation templates in JSON or YAML for checking, with the line of every value.
 *
 * <p>YAML short-form tags become the long form that JSON templates use: {@code !Ref x} becomes
 * {@code {"Ref": "x"}}, {@code !GetAtt a.b} becomes {@code {"Fn::GetAtt": ["a", "b"]}}, {@code !Condition x}
 * becomes {@code {"Condition": "x"}}, and every other tag in {@link #SHORT_FORMS} {@code !Name} becomes
 * {@code {"Fn::Name": value}}. Any other tag is an error, as it is for CloudFormation.
 */
public final class TemplateFiles {
    /** Largest file read; CloudFormation accepts at most 1,000,000 bytes, so this leaves room to report that. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    /** Short-form tags and the long-form key each becomes. */
    static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Cidr", "Fn::Cidr"));

    /**
     * A template read from a file.
     *
     * @param file     the file name as the user gave it
     * @param template the template, with short forms in long form
     * @param bytes    the size of the file, which is the size of the template body CloudFormation receives
     * @param lines    the line of each value by JSON pointer
     */
    public record TemplateFile(String file, JsonNode template, long bytes, Map<String, Integer> lines) {
        public TemplateFile {
            lines = Map.copyOf(lines);
        }

        /** Returns the line of the value at {@code pointer}, or of its nearest enclosing value; 0 when unknown. */
        public int lineOf(String pointer) {
            String current = pointer;
            while (true) {
                Integer line = lines.get(current);
                if (line != null) {
                    return line;
                }
                if (current.isEmpty()) {
                    return 0;
                }
                current = current.substring(0, current.lastIndexOf('/'));
            }
        }

        /** Returns the finding with the line of its path filled in. */
        public Finding withLine(Finding finding) {
            return finding.withLine(lineOf(finding.path()));
        }
    }

    private TemplateFiles() {
    }

    /**
     * Reads a template file; a name ending in {@code .json} is read as JSON, any other as YAML, which also
     * accepts JSON.
     *
     * @throws EcsgenException with exit code 2 when the file cannot be read or is not valid JSON or YAML; the
     *                         message names the file, line and column
     */
    public static TemplateFile read(Path path) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw EcsgenException.invalidInput(path + ": the file is " + size + " bytes, above the "
                        + MAX_FILE_BYTES + " bytes ecsgen reads; CloudFormation accepts at most 1,000,000 bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw EcsgenException.invalidInput(path + ": cannot read the template: " + describe(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw EcsgenException.invalidInput(path + ": the template is not UTF-8 text; save it as UTF-8");
        }
        boolean json = path.getFileName() != null && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return parse(path.toString(), text, bytes.length, json);
    }

    /**
     * Parses template text.
     *
     * @param file  the file name for messages
     * @param bytes the size of the body in bytes
     * @param json  {@code true} to read JSON, {@code false} to read YAML
     */
    public static TemplateFile parse(String file, String text, long bytes, boolean json) {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw EcsgenException.invalidInput(file + ": the template is empty; a CloudFormation template"
                        + " is an object with a Resources section");
            }
            JsonNode template = new Reader(file, parser, lines).value("");
            if (parser.nextToken() != null) {
                throw invalid(file, parser.currentTokenLocation(), "invalid content after the template: a template file contains one YAML document, so remove the rest");
            }
            return new TemplateFile(file, template, bytes, lines);
        } catch (JsonProcessingException e) {
            // The YAML parser's own message quotes the source line, which may hold a secret, so only its
            // problem and position are used.
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                String reason = (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
                throw EcsgenException.invalidInput(file + ":" + (yaml.getProblemMark().getLine() + 1) + ":"
                        + (yaml.getProblemMark().getColumn() + 1) + ": invalid YAML: " + reason);
            }
            String reason = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
            throw invalid(file, e.getLocation(), "invalid " + (json ? "JSON" : "YAML") + ": " + reason);
        } catch (IOException e) {
            throw EcsgenException.invalidInput(file + ": cannot read the template: " + describe(e));
        }
    }

    private static EcsgenException invalid(String file, JsonLocation location, String message) {
        String at = location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        return EcsgenException.invalidInput(file + at + ": " + message);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "file not found" : String.valueOf(e.getMessage());
    }

    /** Builds the tree from the parser's tokens, converting tags and recording lines. */
    private static final class Reader {
        private final String file;
        private final JsonParser parser;
        private final Map<String, Integer> lines;

        Reader(String file, JsonParser parser, Map<String, Integer> lines) {
            this.file = file;
            this.parser = parser;
            this.lines = lines;
        }

        /** Reads the value at the current token, which starts it. */
        JsonNode value(String pointer) throws IOException {
            JsonLocation start = parser.currentTokenLocation();
            lines.putIfAbsent(pointer, start.getLineNr());
            String tag = parser.getTypeId() instanceof String id ? id : null;
            if (tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org,2002:")) {
                return plain(pointer);
            }
            String key = SHORT_FORMS.get(tag);
            if (key == null) {
                throw invalid(file, start, "unknown tag !" + tag + "; CloudFormation accepts the short forms "
                        + String.join(", ", SHORT_FORMS.keySet().stream().sorted().map(name -> "!" + name).toList()));
            }
            String inner = TemplateContext.child(pointer, key);
            lines.putIfAbsent(inner, start.getLineNr());
            JsonNode argument = plain(inner);
            if (key.equals("Fn::GetAtt") && argument.isTextual() && argument.asText().contains(".")) {
                String text = argument.asText();
                int dot = text.indexOf('.');
                ArrayNode parts = JsonNodeFactory.instance.arrayNode()
                        .add(text.substring(0, dot))
                        .add(text.substring(dot + 1));
                lines.putIfAbsent(inner + "/0", start.getLineNr());
                lines.putIfAbsent(inner + "/1", start.getLineNr());
                argument = parts;
            }
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set(key, argument);
            return wrapper;
        }

        private JsonNode plain(String pointer) throws IOException {
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = JsonNodeFactory.instance.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonLocation keyLocation = parser.currentTokenLocation();
                        String child = TemplateContext.child(pointer, name);
                        if (object.has(name)) {
                            throw invalid(file, keyLocation, "duplicate key '" + name + "' in " + (pointer.isEmpty() ? "/" : pointer)
                                    + "; CloudFormation keeps only one of them, so remove or rename the other");
                        }
                        lines.putIfAbsent(child, keyLocation.getLineNr());
                        parser.nextToken();
                        object.set(name, value(child));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(TemplateContext.child(pointer, index++)));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return JsonNodeFactory.instance.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> JsonNodeFactory.instance.numberNode(parser.getIntValue());
                        case LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
                        default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
                }
                case VALUE_TRUE -> {
                    return JsonNodeFactory.instance.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return JsonNodeFactory.instance.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return JsonNodeFactory.instance.nullNode();
                }
                default -> throw invalid(file, parser.currentTokenLocation(), "unexpected " + token);
            }
        }
    }
}
