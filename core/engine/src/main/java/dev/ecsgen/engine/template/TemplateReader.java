package dev.ecsgen.engine.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template in JSON or YAML into a JSON tree in long form.
 *
 * <p>YAML short-form tags become their long form: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Condition X}
 * becomes {@code {"Condition": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}, and every
 * other supported tag {@code !Name} becomes {@code {"Fn::Name": ...}}. Plain scalars follow YAML 1.1 as SnakeYAML
 * resolves them, except that dates, numbers with leading zeros and {@code yes}/{@code no} stay strings, as
 * CloudFormation reads them.
 *
 * <p>Every error is an {@link EcsgenException} with exit code 2 whose message starts with {@code file:line:column}.
 */
public final class TemplateReader {
    /** The short-form tags CloudFormation accepts, without the leading {@code !}. */
    public static final Set<String> SHORT_FORM_TAGS = Set.of("Ref", "Sub", "GetAtt", "Base64", "Join", "If", "Equals",
            "FindInMap", "Select", "Split", "GetAZs", "ImportValue", "Not", "And", "Or", "Condition", "Cidr",
            "Transform", "Length", "ToJsonString");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String source;

    private TemplateReader(String source) {
        this.source = source;
    }

    /**
     * Reads a template file. A file whose first non-blank character is {@code {} is read as JSON, any other as YAML.
     *
     * @throws EcsgenException (exit code 2) when the file cannot be read or is not a valid template document
     */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw EcsgenException.invalidInput(file + ": the template is not UTF-8 text. Save it as UTF-8.");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(file + ": cannot read the template: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses template text.
     *
     * @param source the file name to start error messages with
     * @throws EcsgenException (exit code 2) when the text is not a valid template document
     */
    public static JsonNode parse(String source, String text) {
        String stripped = text.startsWith("\uFEFF") ? text.substring(1) : text;
        TemplateReader reader = new TemplateReader(source);
        JsonNode root = stripped.stripLeading().startsWith("{") ? reader.parseJson(stripped) : reader.parseYaml(stripped);
        if (root == null || !root.isObject()) {
            throw EcsgenException.invalidInput(source + ":1:1: the template must be a mapping with a Resources"
                    + " section, but it is " + (root == null ? "empty" : "a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ".");
        }
        return root;
    }

    private JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "1:1" : location.getLineNr() + ":" + location.getColumnNr();
            throw EcsgenException.invalidInput(source + ":" + where + ": invalid JSON: " + e.getOriginalMessage()
                    + ". Fix the JSON syntax.");
        }
    }

    private JsonNode parseYaml(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw error(mark, "invalid YAML: " + e.getProblem() + ". Fix the YAML syntax.");
        } catch (RuntimeException e) {
            throw EcsgenException.invalidInput(source + ": invalid YAML: " + e.getMessage());
        }
        return root == null ? null : convert(root);
    }

    private JsonNode convert(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            return shortForm(tag.substring(1), node);
        }
        return plain(node);
    }

    private JsonNode plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(convert(item));
            }
            return array;
        }
        MappingNode mapping = (MappingNode) node;
        ObjectNode object = NODES.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw error(keyNode.getStartMark(), "a mapping key must be a plain string. Write the key as text.");
            }
            if (key.getTag().equals(Tag.MERGE)) {
                throw error(key.getStartMark(), "YAML merge keys (<<) are not supported by CloudFormation. Write the"
                        + " keys out.");
            }
            if (object.has(key.getValue())) {
                throw error(key.getStartMark(), "duplicate key '" + key.getValue() + "'. CloudFormation rejects a"
                        + " mapping with the same key twice; remove one.");
            }
            object.set(key.getValue(), convert(tuple.getValueNode()));
        }
        return object;
    }

    private JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        if (!scalar.isPlain()) {
            return NODES.textNode(value);
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(value.equalsIgnoreCase("true"));
        }
        if (tag.equals(Tag.INT) && DECIMAL_INTEGER.matcher(value).matches()) {
            BigInteger number = new BigInteger(value);
            if (number.bitLength() < 32) {
                return NODES.numberNode(number.intValue());
            }
            return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        }
        if (tag.equals(Tag.FLOAT) && DECIMAL.matcher(value).matches()) {
            return NODES.numberNode(new BigDecimal(value));
        }
        return NODES.textNode(value);
    }

    private JsonNode shortForm(String name, Node node) {
        if (!SHORT_FORM_TAGS.contains(name)) {
            throw error(node.getStartMark(), "unknown tag !" + name + ". CloudFormation's short forms are !"
                    + String.join(", !", SHORT_FORM_TAGS.stream().sorted().toList()) + ".");
        }
        String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        JsonNode argument;
        if (node instanceof ScalarNode scalar) {
            argument = NODES.textNode(scalar.getValue());
            if (name.equals("GetAtt")) {
                argument = getAttArgument(scalar);
            }
        } else {
            argument = plain(node);
        }
        ObjectNode call = NODES.objectNode();
        call.set(function, argument);
        return call;
    }

    private JsonNode getAttArgument(ScalarNode scalar) {
        String text = scalar.getValue();
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw error(scalar.getStartMark(), "!GetAtt '" + text + "' must have the form Resource.Attribute.");
        }
        ArrayNode parts = NODES.arrayNode();
        parts.add(text.substring(0, dot));
        parts.add(text.substring(dot + 1));
        return parts;
    }

    private EcsgenException error(Mark mark, String message) {
        String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        return EcsgenException.invalidInput(source + where + ": " + message);
    }
}
