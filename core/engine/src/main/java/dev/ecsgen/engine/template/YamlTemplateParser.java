package dev.ecsgen.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.JsonPointers;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds a template tree from SnakeYAML's node graph, converting short-form tags, applying CloudFormation's
 * scalar rules and recording the line of every value.
 */
final class YamlTemplateParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlTemplateParser(String file) {
        this.file = file;
    }

    static TemplateFile parse(String file, String text, long bytes) {
        Node root = compose(file, text);
        if (root == null) {
            throw TemplateReader.empty(file);
        }
        if (!(root instanceof MappingNode) || isShortForm(root)) {
            String kind = root instanceof SequenceNode ? "an array" : isShortForm(root) ? "a function call" : "a scalar";
            throw TemplateReader.notMapping(file, root.getStartMark().getLine() + 1,
                    root.getStartMark().getColumn() + 1, kind);
        }
        YamlTemplateParser reader = new YamlTemplateParser(file);
        JsonNode template = reader.convert(root, "");
        return new TemplateFile(file, template, bytes, reader.lines);
    }

    private static Node compose(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML's default limit of 3 MiB is below the largest file the reader accepts.
        options.setCodePointLimit((int) TemplateReader.MAX_FILE_BYTES);
        try {
            // compose() rejects a stream of more than one document.
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // The exception's own message quotes the source line, which may hold a secret, so only its context,
            // problem and position are used.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw error(file, mark, "invalid YAML: " + reason + ". Fix the YAML syntax.");
        } catch (YAMLException e) {
            throw EcsgenException.invalidInput(file + ": invalid YAML: " + e.getMessage());
        }
    }

    private static boolean isShortForm(Node node) {
        String tag = node.getTag().getValue();
        return tag.startsWith("!") && !tag.startsWith("!!");
    }

    private static EcsgenException error(String file, Mark mark, String message) {
        return mark == null
                ? TemplateReader.invalid(file, 0, 0, message)
                : TemplateReader.invalid(file, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    private EcsgenException error(Mark mark, String message) {
        return error(file, mark, message);
    }

    private void recordLine(String pointer, Node node) {
        lines.putIfAbsent(pointer, node.getStartMark().getLine() + 1);
    }

    private JsonNode convert(Node node, String pointer) {
        recordLine(pointer, node);
        return isShortForm(node) ? shortForm(node, pointer) : plain(node, pointer);
    }

    private JsonNode plain(Node node, String pointer) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, JsonPointers.child(pointer, index++)));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw error(keyNode.getStartMark(), "a mapping key must be a plain string. Write the key as text.");
            }
            if (key.getTag().equals(Tag.MERGE)) {
                throw error(key.getStartMark(), "YAML merge keys (<<) are not supported by CloudFormation. Write the"
                        + " keys out.");
            }
            String name = key.getValue();
            if (object.has(name)) {
                throw TemplateReader.duplicateKey(file, key.getStartMark().getLine() + 1,
                        key.getStartMark().getColumn() + 1, name, pointer);
            }
            String child = JsonPointers.child(pointer, name);
            recordLine(child, key);
            object.set(name, convert(tuple.getValueNode(), child));
        }
        return object;
    }

    /**
     * Returns a plain scalar as YAML 1.1 types it, except that only decimal numbers and true/false become numbers
     * and booleans: CloudFormation reads {@code 0755}, {@code 2010-09-09} and {@code yes} as strings.
     */
    private static JsonNode scalar(ScalarNode scalar) {
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

    /** Converts {@code !Name argument} to its long form; the argument of a tagged scalar is always a string. */
    private JsonNode shortForm(Node node, String pointer) {
        String name = node.getTag().getValue().substring(1);
        if (!TemplateReader.SHORT_FORM_TAGS.contains(name)) {
            throw error(node.getStartMark(), "unknown tag !" + name + "; CloudFormation accepts the short forms !"
                    + String.join(", !", TemplateReader.SHORT_FORM_TAGS.stream().sorted().toList()));
        }
        String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        String inner = JsonPointers.child(pointer, function);
        recordLine(inner, node);
        JsonNode argument;
        if (node instanceof ScalarNode scalar) {
            argument = name.equals("GetAtt") ? getAttArgument(scalar, inner) : NODES.textNode(scalar.getValue());
        } else {
            argument = plain(node, inner);
        }
        ObjectNode call = NODES.objectNode();
        call.set(function, argument);
        return call;
    }

    /**
     * Splits {@code !GetAtt Resource.Attribute} at its first dot. Text without a dot stays a string, so the template
     * checks and the resolver report it with its path, as they do for the same JSON.
     */
    private JsonNode getAttArgument(ScalarNode scalar, String pointer) {
        String text = scalar.getValue();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return NODES.textNode(text);
        }
        recordLine(pointer + "/0", scalar);
        recordLine(pointer + "/1", scalar);
        ArrayNode parts = NODES.arrayNode();
        parts.add(text.substring(0, dot));
        parts.add(text.substring(dot + 1));
        return parts;
    }
}
