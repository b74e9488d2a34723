package dev.ecsgen.engine.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the {@code /etc/ecs/ecs.config} text that a user data shell script writes, by reading the script
 * without running it.
 *
 * <p>Recognized writers, each of which may append ({@code >>}) or replace ({@code >}) the file:
 * <ul>
 *   <li>a here-document with a quoted delimiter, such as {@code cat <<'EOF' >> /etc/ecs/ecs.config}, whose body
 *       bash writes byte for byte ({@link WriterKind#QUOTED_HEREDOC});</li>
 *   <li>a here-document with an unquoted delimiter, whose body bash expands, so {@code $}, backticks and
 *       {@code \} can change the bytes written ({@link WriterKind#UNQUOTED_HEREDOC});</li>
 *   <li>{@code echo ... >> /etc/ecs/ecs.config} ({@link WriterKind#ECHO});</li>
 *   <li>{@code printf 'FORMAT' args >> /etc/ecs/ecs.config} with {@code %s} and {@code %%} directives
 *       ({@link WriterKind#PRINTF}).</li>
 * </ul>
 * A variable assigned from {@code $(aws secretsmanager get-secret-value ... --secret-id ARN ...)} or from ecsgen's
 * {@code $(ecsgen_secret_auth 'ARN')} is shown as {@code <from secret ARN>}. A variable assigned a literal is
 * expanded; any other expansion stays as written and is reported. A line that writes the file in another way, such
 * as {@code sed -i} or a pipe into {@code tee}, is reported as {@link WriterKind#UNRECOGNIZED}.
 *
 * <p>NOTE: the reader follows the script top to bottom. It does not evaluate {@code if}, loops or functions, so a
 * writer inside a branch counts as if the branch ran.
 */
public final class UserDataConfigExtractor {
    private static final String CONFIG = Pattern.quote(EcsConfig.PATH);
    private static final Pattern REDIRECT = Pattern.compile("(?<![0-9&])(>>?)\\s*(['\"]?)" + CONFIG + "\\2(?=\\s|;|$)");
    private static final Pattern TEE = Pattern.compile("\\btee\\s+((?:-a|--append)\\s+)?(['\"]?)" + CONFIG + "\\2(?=\\s|;|$)");
    private static final Pattern HEREDOC = Pattern.compile(
            "<<(-?)\\s*(?:'([^']*)'|\"([^\"]*)\"|\\\\([^\\s;&|<>]+)|([^\\s;&|<>'\"]+))");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?:export\\s+|local\\s+|readonly\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:[A-Za-z0-9-]+:secretsmanager:[^\\s'\"]+");
    private static final Pattern ECHO = Pattern.compile("^echo(\\s.*)?$");
    private static final Pattern PRINTF = Pattern.compile("^printf\\s.*$");

    /** The kind of script line that writes the config file. */
    public enum WriterKind {
        /** A here-document with a quoted delimiter: the body is written byte for byte. */
        QUOTED_HEREDOC,
        /** A here-document with an unquoted delimiter: bash expands {@code $}, backticks and {@code \} in the body. */
        UNQUOTED_HEREDOC,
        /** An {@code echo} command. */
        ECHO,
        /** A {@code printf} command. */
        PRINTF,
        /** A variable read from a Secrets Manager secret at boot, used by a later writer. */
        SECRET_VARIABLE,
        /** A line that writes the file in a way this reader does not model. */
        UNRECOGNIZED
    }

    /** Whether an observation needs attention. */
    public enum Level {
        INFO,
        /** The text shown may differ from what the instance writes, or a writer is not understood. */
        WARNING
    }

    /**
     * One finding about the script.
     *
     * @param line    the 1-based script line
     * @param kind    the writer involved
     * @param level   whether it needs attention
     * @param message what the line does to the config file
     */
    public record Observation(int line, WriterKind kind, Level level, String message) {
        public Observation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
        }
    }

    /**
     * The result of reading a script.
     *
     * @param configText  the config text the script leaves in the file, starting from an empty file
     * @param sourceLines for each line of {@code configText}, the 1-based script line that wrote it
     * @param observations the writers and problems found, in script order
     */
    public record Extraction(String configText, List<Integer> sourceLines, List<Observation> observations) {
        public Extraction {
            Objects.requireNonNull(configText, "configText");
            sourceLines = List.copyOf(sourceLines);
            observations = List.copyOf(observations);
        }

        /** Returns whether any line of the script writes the config file. */
        public boolean writesConfig() {
            return observations.stream().anyMatch(observation -> observation.kind() != WriterKind.SECRET_VARIABLE);
        }

        /** Parses {@link #configText()} as the agent does. */
        public EcsConfig config() {
            return EcsConfig.parse(configText);
        }
    }

    private final String[] lines;
    private final Map<String, String> variables = new HashMap<>();
    private final StringBuilder config = new StringBuilder();
    private final List<Integer> sourceLines = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();

    private UserDataConfigExtractor(String script) {
        this.lines = script.split("\n", -1);
    }

    /** Reads the script and returns the config text it writes, with observations. */
    public static Extraction extract(String script) {
        Objects.requireNonNull(script, "script");
        UserDataConfigExtractor extractor = new UserDataConfigExtractor(script);
        extractor.run();
        return new Extraction(extractor.config.toString(), extractor.sourceLines, extractor.observations);
    }

    private void run() {
        int index = 0;
        while (index < lines.length) {
            int lineNumber = index + 1;
            StringBuilder logical = new StringBuilder(lines[index]);
            index++;
            while (endsWithContinuation(logical) && index < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[index]);
                index++;
            }
            String line = logical.toString().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (!line.contains("<<<") && heredoc.find() && !quotedAt(line, heredoc.start())) {
                index = hereDocument(line, lineNumber, heredoc, index);
                continue;
            }
            readLine(line, lineNumber);
        }
    }

    private void readLine(String line, int lineNumber) {
        Matcher redirect = REDIRECT.matcher(line);
        boolean redirects = redirect.find();
        if (redirects && ECHO.matcher(line).matches()) {
            echo(line.substring(0, redirect.start()).strip(), redirect.group(1), lineNumber);
            return;
        }
        if (redirects && PRINTF.matcher(line).matches()) {
            printf(line.substring(0, redirect.start()).strip(), redirect.group(1), lineNumber);
            return;
        }
        Matcher assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches()) {
            assign(assignment.group(1), assignment.group(2).strip(), lineNumber);
        }
        if (redirects || TEE.matcher(line).find() || (line.contains(EcsConfig.PATH) && line.matches(".*\\bsed\\s+(-\\S*\\s+)*-i.*"))) {
            observations.add(new Observation(lineNumber, WriterKind.UNRECOGNIZED, Level.WARNING,
                    "writes " + EcsConfig.PATH + " in a way ecsgen cannot read, so the config shown may be incomplete."
                            + " Write the file with a quoted here-document (cat <<'EOF' >> " + EcsConfig.PATH + ")."));
        }
    }

    /** Returns whether the position is inside quotes or {@code $((...))}, where {@code <<} is no here-document. */
    private static boolean quotedAt(String line, int position) {
        char quote = 0;
        for (int i = 0; i < position; i++) {
            char c = line.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote != '\'' && c == '\\') {
                i++;
            }
        }
        return quote != 0 || line.substring(0, position).contains("$((");
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Reads a here-document that starts on the line, and returns the index of the line after its delimiter. */
    private int hereDocument(String line, int lineNumber, Matcher heredoc, int bodyStart) {
        boolean stripTabs = !heredoc.group(1).isEmpty();
        String delimiter = heredoc.group(2) != null ? heredoc.group(2)
                : heredoc.group(3) != null ? heredoc.group(3)
                : heredoc.group(4) != null ? heredoc.group(4) : heredoc.group(5);
        boolean quoted = heredoc.group(5) == null;

        List<String> body = new ArrayList<>();
        int index = bodyStart;
        boolean terminated = false;
        while (index < lines.length) {
            String bodyLine = stripTabs ? lines[index].replaceFirst("^\t+", "") : lines[index];
            index++;
            if (bodyLine.equals(delimiter)) {
                terminated = true;
                break;
            }
            body.add(bodyLine);
        }

        Matcher redirect = REDIRECT.matcher(line);
        Matcher tee = TEE.matcher(line);
        String mode;
        if (redirect.find()) {
            mode = redirect.group(1);
        } else if (tee.find()) {
            mode = tee.group(1) == null ? ">" : ">>";
        } else {
            return index;
        }
        if (!terminated) {
            observations.add(new Observation(lineNumber, quoted ? WriterKind.QUOTED_HEREDOC : WriterKind.UNQUOTED_HEREDOC,
                    Level.WARNING, "here-document has no closing line '" + delimiter + "', so bash writes every"
                            + " following line of the script. Add the delimiter on a line of its own."));
        }
        if (mode.equals(">")) {
            replaceFile();
        }
        String action = describeAction(mode, body.size());
        if (quoted) {
            for (int i = 0; i < body.size(); i++) {
                appendLine(body.get(i), bodyStart + i + 1);
            }
            observations.add(new Observation(lineNumber, WriterKind.QUOTED_HEREDOC, Level.INFO,
                    "quoted here-document (delimiter '" + delimiter + "') " + action + "; bash writes "
                            + (body.size() == 1 ? "it" : "them") + " byte for byte."));
            return index;
        }

        List<Integer> altered = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String expanded = expandUnquoted(body.get(i));
            if (expanded.indexOf('$') >= 0 || expanded.indexOf('`') >= 0 || expanded.indexOf('\\') >= 0) {
                altered.add(bodyStart + i + 1);
            }
            appendLine(expanded, bodyStart + i + 1);
        }
        if (altered.isEmpty()) {
            observations.add(new Observation(lineNumber, WriterKind.UNQUOTED_HEREDOC, Level.INFO,
                    "unquoted here-document (delimiter '" + delimiter + "') " + action + "; "
                            + (body.size() == 1 ? "it contains" : "they contain") + " no $, backtick or \\, so bash"
                            + " writes " + (body.size() == 1 ? "it" : "them") + " unchanged. Quote the delimiter (<<'" + delimiter
                            + "') so that a later value cannot be expanded."));
        } else {
            observations.add(new Observation(lineNumber, WriterKind.UNQUOTED_HEREDOC, Level.WARNING,
                    "unquoted here-document (delimiter '" + delimiter + "') " + action + "; bash expands $, backticks"
                            + " and \\ on script lines " + joinNumbers(altered) + ", so the bytes written differ from"
                            + " the text shown. Quote the delimiter (<<'" + delimiter + "')."));
        }
        return index;
    }

    /** Substitutes the variables whose value is known; other expansions stay as written. */
    private String expandUnquoted(String text) {
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            boolean escaped = matcher.start() > 0 && text.charAt(matcher.start() - 1) == '\\';
            String replacement = !escaped && variables.containsKey(name) ? variables.get(name) : matcher.group();
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private void echo(String command, String mode, int lineNumber) {
        ShellWords.Result parsed = ShellWords.split(command, variables);
        List<String> words = new ArrayList<>(parsed.words().subList(1, parsed.words().size()));
        boolean newline = true;
        boolean escapes = false;
        while (!words.isEmpty() && words.get(0).matches("-[neE]+")) {
            String flags = words.remove(0);
            newline &= !flags.contains("n");
            escapes |= flags.contains("e");
        }
        String output = String.join(" ", words) + (newline ? "\n" : "");
        if (mode.equals(">")) {
            replaceFile();
        }
        append(output, lineNumber);

        List<String> problems = new ArrayList<>();
        if (escapes) {
            problems.add("echo -e interprets backslash escapes, which the text shown does not");
        }
        if (!parsed.unresolved().isEmpty()) {
            problems.add("bash expands " + String.join(", ", parsed.unresolved()) + " at boot, shown as written");
        }
        String message = "echo " + describeAction(mode, countLines(output)) + " after bash removes quotes and expands"
                + " variables. A quoted here-document keeps every byte of a value.";
        observations.add(new Observation(lineNumber, WriterKind.ECHO, problems.isEmpty() ? Level.INFO : Level.WARNING,
                problems.isEmpty() ? message : message + " " + capitalize(String.join("; ", problems)) + "."));
    }

    private void printf(String command, String mode, int lineNumber) {
        ShellWords.Result parsed = ShellWords.split(command, variables);
        List<String> words = parsed.words();
        if (words.size() < 2) {
            observations.add(new Observation(lineNumber, WriterKind.PRINTF, Level.WARNING,
                    "printf has no format, so it writes nothing and fails."));
            return;
        }
        List<String> problems = new ArrayList<>();
        String output = PrintfFormat.format(words.get(1), words.subList(2, words.size()), problems);
        if (mode.equals(">")) {
            replaceFile();
        }
        append(output, lineNumber);
        if (!parsed.unresolved().isEmpty()) {
            problems.add("bash expands " + String.join(", ", parsed.unresolved()) + " at boot, shown as written");
        }
        String message = "printf " + describeAction(mode, countLines(output)) + ".";
        observations.add(new Observation(lineNumber, WriterKind.PRINTF, problems.isEmpty() ? Level.INFO : Level.WARNING,
                problems.isEmpty() ? message : message + " " + capitalize(String.join("; ", problems)) + "."));
    }

    private void assign(String name, String value, int lineNumber) {
        if (value.startsWith("$(") || value.startsWith("\"$(") || value.startsWith("`")) {
            Matcher arn = SECRET_ARN.matcher(value);
            if ((value.contains("ecsgen_secret_auth") || value.contains("get-secret-value")) && arn.find()) {
                variables.put(name, AgentAuthData.secretPlaceholder(arn.group()));
                observations.add(new Observation(lineNumber, WriterKind.SECRET_VARIABLE, Level.INFO,
                        "$" + name + " is read from secret " + arn.group() + " at boot."));
                return;
            }
            variables.remove(name);
            return;
        }
        ShellWords.Result parsed = ShellWords.split(value, variables);
        if (parsed.unresolved().isEmpty() && parsed.words().size() <= 1) {
            variables.put(name, parsed.words().isEmpty() ? "" : parsed.words().get(0));
        } else {
            variables.remove(name);
        }
    }

    private void replaceFile() {
        config.setLength(0);
        sourceLines.clear();
    }

    private void appendLine(String text, int lineNumber) {
        append(text + "\n", lineNumber);
    }

    /** Appends text and records the script line for each config line it starts or continues. */
    private void append(String text, int lineNumber) {
        boolean atLineStart = config.length() == 0 || config.charAt(config.length() - 1) == '\n';
        for (int i = 0; i < text.length(); i++) {
            if (atLineStart) {
                sourceLines.add(lineNumber);
            }
            atLineStart = text.charAt(i) == '\n';
        }
        config.append(text);
    }

    private static String describeAction(String mode, int lineCount) {
        String lines = lineCount == 1 ? "1 line" : lineCount + " lines";
        return mode.equals(">") ? "replaces the file with " + lines : "appends " + lines;
    }

    private static int countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int count = (int) text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? count : count + 1;
    }

    private static String joinNumbers(List<Integer> numbers) {
        List<String> texts = new ArrayList<>();
        numbers.forEach(number -> texts.add(String.valueOf(number)));
        return String.join(", ", texts);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
