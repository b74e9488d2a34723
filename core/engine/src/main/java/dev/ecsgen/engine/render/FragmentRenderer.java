package dev.ecsgen.engine.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.Suggestions;
import freemarker.core.JSONCFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders fragments with FreeMarker in strict mode and parses each output as JSON.
 *
 * <p>Fragments use square-bracket interpolation ({@code [=stack.name?c]}), so the {@code ${...}} of
 * {@code Fn::Sub} and of shell scripts is plain text in them. Every value is written through
 * {@code ?c} (JSON formatting) or {@code json(...)}, never inside hand-written quotes.
 */
public final class FragmentRenderer {
    /** The number of expected tokens that a syntax error message lists. */
    private static final int EXPECTED_TOKENS_SHOWN = 8;

    /** The top-level keys a fragment may emit, in template order. */
    public static final List<String> SECTIONS = List.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Transform", "Parameters", "Rules", "Mappings", "Conditions", "Resources", "Outputs");
    /** The macro library that every fragment imports as {@code cfn}. */
    public static final String MACRO_LIBRARY = "lib/cfn.ftl";

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final FragmentSet fragments;
    private final Configuration configuration;
    /** Whether the fragment texts passed {@link PartitionLiteralCheck}; they are read once per renderer. */
    private boolean partitionsChecked;

    public FragmentRenderer(FragmentSet fragments) {
        this.fragments = fragments;
        this.configuration = newConfiguration();
        configuration.setTemplateLoader(fragments.templateLoader());
        configuration.addAutoImport("cfn", MACRO_LIBRARY);
    }

    private static Configuration newConfiguration() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setCFormat(JSONCFormat.INSTANCE);
        configuration.setBooleanFormat("c");
        configuration.setNumberFormat("computer");
        configuration.setAPIBuiltinEnabled(false);
        configuration.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        configuration.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
        configuration.setWhitespaceStripping(true);
        configuration.setLocalizedLookup(false);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        configuration.setSharedVariable("json", new JsonFunction(STRICT_JSON));
        return configuration;
    }

    /**
     * Parses the built-in macro library and user data library with a configuration of their own and
     * drops the result. FreeMarker loads and initializes a few hundred classes on its first parse; the
     * {@link dev.ecsgen.engine.Warmup} thread calls this so that a renderer made later finds them ready.
     */
    public static void warmUp() throws IOException {
        Configuration configuration = newConfiguration();
        ClassLoader loader = FragmentRenderer.class.getClassLoader();
        for (String library : List.of(MACRO_LIBRARY, "lib/userdata.ftl")) {
            try (InputStream in = loader.getResourceAsStream(FragmentLayer.BUILT_IN_ROOT + library)) {
                if (in != null) {
                    new Template(library, new InputStreamReader(in, StandardCharsets.UTF_8), configuration);
                }
            }
        }
    }

    /**
     * Renders every fragment in effect with {@code model}.
     *
     * @param keepRendered a folder to write each fragment's raw output to, or {@code null}
     */
    public List<RenderedFragment> renderAll(Map<String, Object> model, Path keepRendered) {
        checkPartitions();
        List<RenderedFragment> rendered = new ArrayList<>();
        for (FragmentSource source : fragments.fragments()) {
            String text = renderText(source, model, keepRendered);
            rendered.add(new RenderedFragment(source, text, parse(source, text)));
        }
        return rendered;
    }

    private void checkPartitions() {
        if (!partitionsChecked) {
            PartitionLiteralCheck.check(fragments);
            partitionsChecked = true;
        }
    }

    /**
     * Does the work of a first render that does not need a model: checks the fragment texts and parses
     * every fragment and library, which FreeMarker then keeps. A problem is not thrown here but left for
     * {@link #renderAll} to meet again and report with the fragment's location, so this can run on
     * another thread while the caller loads a spec, as long as it finishes before the first render.
     */
    public void prepare() {
        try {
            checkPartitions();
        } catch (RuntimeException e) {
            // renderAll runs the check again and reports it.
        }
        for (FragmentSet.Entry entry : fragments.entries()) {
            String name = entry.source().name();
            try {
                configuration.getTemplate(name);
            } catch (IOException | RuntimeException e) {
                forget(name);
            }
        }
    }

    /**
     * Drops a failed template from FreeMarker's cache. FreeMarker caches the failure, and a later request
     * for the template gets "error loading the template on an earlier attempt" instead of the parse
     * error. Without the entry, the render parses the template again and reports the parse error with
     * its line and column.
     */
    private void forget(String name) {
        try {
            configuration.removeTemplateFromCache(name);
        } catch (IOException | RuntimeException e) {
            // Nothing is cached under that name, so the render parses the template again anyway.
        }
    }

    private String renderText(FragmentSource source, Map<String, Object> model, Path keepRendered) {
        StringWriter out = new StringWriter();
        try {
            Template template = configuration.getTemplate(source.name());
            template.process(model, out);
            if (keepRendered != null) {
                keep(keepRendered, source, out.toString());
            }
            return out.toString();
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (TemplateException e) {
            ParseException inLibrary = parseCause(e);
            if (inLibrary != null) {
                throw syntaxError(inLibrary);
            }
            String kept = "";
            if (keepRendered != null) {
                kept = "\n  the output up to the error is kept in " + keep(keepRendered, source, out.toString());
            }
            throw EcsgenException.checkFailed("fragment " + where(e.getTemplateSourceName(), e.getLineNumber(),
                    e.getColumnNumber()) + ": " + describe(e) + missingInLibrary(e) + kept);
        } catch (IOException e) {
            throw EcsgenException.checkFailed("fragment " + source.location() + ": cannot read: " + e.getMessage());
        }
    }

    private EcsgenException syntaxError(ParseException e) {
        return EcsgenException.checkFailed("fragment " + where(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                + ": invalid FreeMarker syntax: " + syntaxSummary(e.getEditorMessage()));
    }

    /**
     * Returns FreeMarker's syntax error message on one line. When it ends with a list of the tokens the parser
     * expected, one per line, the first few follow on the same line.
     */
    static String syntaxSummary(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        List<String> lines = message.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String first = lines.get(0);
        if (lines.size() == 1 || !first.endsWith(":")) {
            return first;
        }
        List<String> expected = lines.subList(1, lines.size());
        int listed = Math.min(EXPECTED_TOKENS_SHOWN, expected.size());
        String more = expected.size() > listed ? " and " + (expected.size() - listed) + " more" : "";
        return first + " " + String.join(" ", expected.subList(0, listed)) + more;
    }

    /** Returns the syntax error of a library that a fragment imports, which FreeMarker wraps in its import error. */
    private static ParseException parseCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ParseException parse) {
                return parse;
            }
        }
        return null;
    }

    /** Rewords FreeMarker's message as one line that names the failing expression and the fix. */
    private static String describe(TemplateException e) {
        String expression = e.getBlamedExpressionString();
        String message = firstLine(e.getMessageWithoutStackTop());
        if (expression != null && message.startsWith("The following has evaluated to null or missing")) {
            return "'" + expression + "' is null or missing: check the name against 'ecsgen fragments model SPEC',"
                    + " or test it with " + expression + "?? or give a default with " + expression + "!\"\"";
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (message.endsWith(":") && cause != null) {
            message = message + " " + firstLine(cause.getMessage());
        }
        return message + (expression == null ? "" : " (expression: " + expression + ")");
    }

    /**
     * Returns a hint when a missing value is a member of a macro library that a fragments folder replaces,
     * such as {@code hooks.containerDefinition} with an own {@code lib/hooks.ftl}: the replacement must define
     * everything that the built-in one does.
     */
    private String missingInLibrary(TemplateException e) {
        String expression = e.getBlamedExpressionString();
        int dot = expression == null ? -1 : expression.indexOf('.');
        if (dot <= 0 || !e.getMessageWithoutStackTop().startsWith("The following has evaluated to null or missing")) {
            return "";
        }
        FragmentSource library = findSource("lib/" + expression.substring(0, dot) + ".ftl");
        if (library == null || library.file() == null) {
            return "";
        }
        return "; " + library.location() + " replaces the built-in " + library.name() + " and defines no "
                + expression.substring(dot + 1) + ", so define it there too (ecsgen fragments export DIR writes the"
                + " built-in one to copy from)";
    }

    private String where(String templateName, Integer line, Integer column) {
        String location = templateName;
        FragmentSource source = templateName == null ? null : findSource(templateName);
        if (source != null) {
            location = source.location();
        }
        return location + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column));
    }

    private FragmentSource findSource(String name) {
        for (FragmentSet.Entry entry : fragments.entries()) {
            if (entry.source().name().equals(name)) {
                return entry.source();
            }
        }
        return null;
    }

    private static ObjectNode parse(FragmentSource source, String text) {
        if (text.isBlank()) {
            return STRICT_JSON.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            String shown = line > 0 ? "\n  rendered line " + line + ": " + lineText(text, line).strip() : "";
            throw EcsgenException.checkFailed("fragment " + source.location() + ": rendered output is not valid JSON"
                    + (line > 0 ? " at rendered line " + line + ", column " + location.getColumnNr() : "")
                    + ": " + firstLine(e.getOriginalMessage()) + shown
                    + "\n  write every value with ?c or json(...); --keep-rendered DIR keeps the full output");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw EcsgenException.checkFailed("fragment " + source.location()
                    + ": rendered output must be one JSON object of template sections, not " + tree.getNodeType());
        }
        Set<String> allowed = Set.copyOf(SECTIONS);
        object.fieldNames().forEachRemaining(section -> {
            if (!allowed.contains(section)) {
                String hint = Suggestions.didYouMean(section, SECTIONS);
                throw EcsgenException.checkFailed("fragment " + source.location() + ": unknown template section '"
                        + section + "': " + hint + (hint.isEmpty() ? "expected" : "Expected") + " one of "
                        + String.join(", ", SECTIONS));
            }
        });
        return object;
    }

    /** Writes a fragment's raw output to {@code folder/<name>.json} and returns that file. */
    private static Path keep(Path folder, FragmentSource source, String text) {
        Path file = folder.resolve(source.name().replaceFirst("\\.ftl$", ".json"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw EcsgenException.invalidInput(file + ": cannot write rendered fragment (--keep-rendered): " + e.getMessage());
        }
    }

    private static String lineText(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line <= lines.length ? lines[line - 1] : "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
