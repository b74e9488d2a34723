package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.JsonPointers;
import dev.ecsgen.engine.Suggestions;
import dev.ecsgen.engine.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a stack spec from YAML or JSON, rejecting unknown keys, wrong types and hostile documents
 * with a message that names the file, line and column.
 */
public final class SpecLoader {
    /** Largest spec file read; real specs are a few kilobytes. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final int MAX_NESTING = 40;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_STRING_LENGTH = 64 * 1024;
    /** The rejected scalar in Jackson's coercion message, such as {@code Cannot coerce String value ("12")}. */
    private static final Pattern COERCED_VALUE = Pattern.compile("value \\(\"(.*?)\"\\)");

    /**
     * The readers, shared by every loader: a mapper is thread-safe once configured, and sharing one keeps
     * the deserializers it builds for the spec types, which a short run would otherwise build again.
     */
    private static final ObjectMapper YAML;
    private static final ObjectMapper JSON;

    static {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxDocumentLength(MAX_FILE_BYTES)
                .build();
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        loaderOptions.setMaxAliasesForCollections(MAX_ALIASES);
        loaderOptions.setAllowRecursiveKeys(false);
        loaderOptions.setNestingDepthLimit(MAX_NESTING);
        loaderOptions.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        YAML = configure(new YAMLMapper(yamlFactory));
        JSON = configure(new JsonMapper(jsonFactory));
    }

    private final ObjectMapper yaml = YAML;
    private final ObjectMapper json = JSON;

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Array, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
        return mapper;
    }

    /** Returns the YAML reader with the spec's limits, which organization profiles share. */
    ObjectMapper yamlMapper() {
        return yaml;
    }

    /** Loads, validates and completes the spec in {@code file}. */
    public LoadedSpec load(Path file) {
        String name = file.toString();
        byte[] bytes = read(file, name);
        return parse(name, file, decode(bytes, name));
    }

    /** Loads, validates and completes a spec given as text; {@code name} appears in messages. */
    public LoadedSpec parse(String name, Path file, String content) {
        if (content.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw EcsgenException.invalidInput(name + ": the spec is empty: expected at least 'name' and 'tasks'");
        }
        boolean isJson = name.endsWith(".json");
        ObjectMapper mapper = isJson ? json : yaml;
        StackSpec raw;
        SourceMap sources = null;
        try {
            sources = SourceMap.scan(name, mapper.getFactory(), content);
            raw = mapper.readValue(content, StackSpec.class);
        } catch (JsonProcessingException e) {
            throw EcsgenException.invalidInput(describe(name, isJson ? "JSON" : "YAML", e, sources));
        } catch (EcsgenException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw EcsgenException.invalidInput(name + ": cannot parse the spec: " + firstLine(e.getMessage()));
        }
        if (raw == null) {
            throw EcsgenException.invalidInput(name + ": the spec is empty: expected at least 'name' and 'tasks'");
        }
        LoadedSpec loaded = new LoadedSpec(raw, file, sources);
        return new SpecValidator(loaded).validateAndComplete();
    }

    private static byte[] read(Path file, String name) {
        try {
            if (Files.isDirectory(file)) {
                throw EcsgenException.invalidInput(name + ": is a directory: expected a spec file (.yaml, .yml or .json)");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw EcsgenException.invalidInput(name + ": the spec is " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " bytes ecsgen reads: split it into several specs");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw EcsgenException.invalidInput(name + ": spec file not found");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(name + ": cannot read the spec: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String name) {
        try {
            return Utf8Text.decode(bytes);
        } catch (Utf8Text.NotUtf8Exception e) {
            throw EcsgenException.invalidInput(name + e.where() + ": the spec is not valid UTF-8 (byte " + e.badByte()
                    + "): save it as UTF-8");
        }
    }

    /**
     * Returns a hint to quote a value where text is expected: YAML reads yes, on and 1.50 as a boolean or a
     * number, so the message shows true or 1.5, and only quotes keep the text as written.
     */
    private static String quoteHint(Class<?> targetType) {
        return targetType == String.class ? "; put the value in quotes to keep it as text, as written" : "";
    }

    static String describe(String name, String format, JsonProcessingException e, SourceMap sources) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? name
                : name + ":" + location.getLineNr() + ":" + location.getColumnNr();
        if (sources != null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // The parser has moved past the offending token; the scan recorded where its key starts.
            where = sources.keyAt(pointer(mapping)).toString();
        }
        if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
            Mark mark = yamlError.getProblemMark();
            String context = yamlError.getContext() == null ? "" : yamlError.getContext() + ": ";
            return name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": invalid YAML: " + context
                    + yamlError.getProblem();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String hint = Suggestions.didYouMean(unknown.getPropertyName(), known);
            return where + ": unknown key " + SpecProblems.quote(unknown.getPropertyName()) + " in "
                    + parentPath(unknown) + ": " + hint + (hint.isEmpty() ? "expected" : "Expected") + " one of "
                    + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException invalid) {
            return where + ": invalid value " + SpecProblems.quote(invalid.getValue()) + " for " + path(invalid)
                    + ": expected " + expectedForm(invalid.getTargetType()) + quoteHint(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            Matcher quoted = COERCED_VALUE.matcher(String.valueOf(mismatched.getOriginalMessage()));
            boolean found = quoted.find();
            String value = found ? " " + SpecProblems.quote(quoted.group(1)) : "";
            return where + ": invalid value" + value + " for " + path(mismatched) + ": expected "
                    + expectedForm(mismatched.getTargetType()) + (found ? quoteHint(mismatched.getTargetType()) : "");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return where + ": the spec must be a mapping of keys such as 'name' and 'tasks', not "
                    + firstLine(mismatched.getOriginalMessage());
        }
        return where + ": invalid " + format + ": " + firstLine(e.getOriginalMessage());
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? JsonPointers.escape(reference.getFieldName())
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String parentPath(JsonMappingException e) {
        List<JsonMappingException.Reference> references = e.getPath();
        if (references.size() <= 1) {
            return "the top level";
        }
        String full = path(e);
        String last = references.get(references.size() - 1).getFieldName();
        return full.substring(0, full.length() - last.length() - 1);
    }

    private static String expectedForm(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number without quotes, such as 128";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false without quotes";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
