package dev.ecsgen.engine.template;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reads CloudFormation templates in JSON or YAML for {@code ecsgen validate}, {@code preview} and {@code diagram}.
 *
 * <p>YAML short-form tags become the long form that JSON templates use: {@code !Ref X} becomes {@code {"Ref": "X"}},
 * {@code !Condition X} becomes {@code {"Condition": "X"}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}}, and every other tag in {@link #SHORT_FORM_TAGS} {@code !Name} becomes
 * {@code {"Fn::Name": value}}. Any other local tag is an error, as it is for CloudFormation. Plain YAML scalars
 * follow YAML 1.1 as SnakeYAML resolves them, except that dates, numbers with leading zeros and {@code yes}/{@code no}
 * stay strings, as CloudFormation reads them.
 *
 * <p>Every error is an {@link EcsgenException} with exit code 2 whose message starts with the file name and, where
 * the parser reports it, {@code :line:column}. Messages never quote the source line, because it could contain a secret.
 */
public final class TemplateReader {
    /** Largest file read; CloudFormation accepts at most 1,000,000 bytes, so this leaves room to report that. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    /** The short-form tags CloudFormation accepts, without the leading {@code !}. */
    public static final Set<String> SHORT_FORM_TAGS = Set.of("Ref", "Sub", "GetAtt", "Base64", "Join", "If", "Equals",
            "FindInMap", "Select", "Split", "GetAZs", "ImportValue", "Not", "And", "Or", "Condition", "Cidr",
            "Transform", "Length", "ToJsonString");

    private TemplateReader() {
    }

    /**
     * Reads a template file. A file whose name ends with {@code .json} is read as JSON. Any other file is read as
     * JSON when its first non-blank character is <code>{</code> and it parses as JSON, and as YAML otherwise.
     *
     * @throws EcsgenException with exit code 2 when the file cannot be read, is larger than {@link #MAX_FILE_BYTES},
     *                         is not UTF-8, or is not a valid template document
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
        } catch (NoSuchFileException e) {
            throw EcsgenException.invalidInput(path + ": cannot read the template: file not found");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(path + ": cannot read the template: " + e.getMessage());
        }
        String text;
        try {
            text = Utf8Text.decode(bytes);
        } catch (Utf8Text.NotUtf8Exception e) {
            throw EcsgenException.invalidInput(path + e.where() + ": the template is not UTF-8 text (byte "
                    + e.badByte() + "); save it as UTF-8");
        }
        return parse(path.toString(), text, bytes.length);
    }

    /**
     * Parses template text, choosing JSON or YAML by {@code file} and the text as {@link #read} does.
     *
     * @param file the file name that starts error messages and selects JSON for a {@code .json} name
     * @throws EcsgenException with exit code 2 when the text is not a valid template document
     */
    public static TemplateFile parse(String file, String text) {
        return parse(file, text, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static TemplateFile parse(String file, String text, long bytes) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return JsonTemplateParser.parse(file, body, bytes);
        }
        if (!body.stripLeading().startsWith("{")) {
            return YamlTemplateParser.parse(file, body, bytes);
        }
        // A YAML flow mapping also starts with '{'. When the text is neither JSON nor YAML, the JSON error is the
        // one that names the likely mistake.
        try {
            return JsonTemplateParser.parse(file, body, bytes);
        } catch (EcsgenException jsonError) {
            try {
                return YamlTemplateParser.parse(file, body, bytes);
            } catch (EcsgenException yamlError) {
                throw jsonError;
            }
        }
    }

    /** Returns the error for an empty document. */
    static EcsgenException empty(String file) {
        return EcsgenException.invalidInput(file + ": the template is empty; a CloudFormation template is an object"
                + " with a Resources section");
    }

    /** Returns the error for a document that is not a mapping, where {@code kind} is an article and a noun. */
    static EcsgenException notMapping(String file, int line, int column, String kind) {
        return invalid(file, line, column, "the template must be a mapping with a Resources section, but it is "
                + kind + ".");
    }

    /** Returns the error for a second key {@code name} in the mapping at {@code pointer}. */
    static EcsgenException duplicateKey(String file, int line, int column, String name, String pointer) {
        return invalid(file, line, column, "duplicate key '" + name + "' in " + (pointer.isEmpty() ? "/" : pointer)
                + "; CloudFormation keeps only one of them, so remove or rename the other");
    }

    /** Returns the error at {@code line} and {@code column}, both 1-based; a line below 1 leaves the position out. */
    static EcsgenException invalid(String file, int line, int column, String message) {
        String at = line < 1 ? "" : ":" + line + ":" + column;
        return EcsgenException.invalidInput(file + at + ": " + message);
    }
}
