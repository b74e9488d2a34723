package dev.ecsgen.engine.check;

import dev.ecsgen.engine.preview.PrintfFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines that a user data shell script writes to {@code /etc/ecs/ecs.config}, as the file will hold
 * them: here-document bodies, the argument of {@code echo}, and what {@code printf} writes for its format and
 * arguments. A shell variable in an argument, such as {@code "$data"}, stays as written.
 *
 * <p>This is a line-based reading of common forms, not a shell parser: a write split over several lines
 * with {@code \}, or made by another command such as {@code sed}, is not found.
 */
final class EcsConfigWrites {
    /** A here-document operator and its delimiter, quoted ('X', "X", \X) or not. */
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*(?:'([^']+)'|\"([^\"]+)\"|\\\\(\\w+)|(\\w+))");
    private static final Pattern ECHO = Pattern.compile("(?:^|[;&|]\\s*|\\bsudo\\s+)echo\\b");
    private static final Pattern PRINTF = Pattern.compile("(?:^|[;&|]\\s*|\\bsudo\\s+)printf\\b");

    /** The shell construct that writes a line to the file. */
    enum Writer {
        QUOTED_HEREDOC,
        UNQUOTED_HEREDOC,
        ECHO,
        PRINTF
    }

    /**
     * One line of ecs.config content.
     *
     * @param text       the bytes the script writes, after the shell's quote removal for echo and printf
     * @param scriptLine the 1-based line of the script that writes it
     * @param writer     how it is written
     */
    record ConfigLine(String text, int scriptLine, Writer writer) {
    }

    private EcsConfigWrites() {
    }

    static List<ConfigLine> find(String script) {
        List<ConfigLine> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                boolean stripTabs = !heredoc.group(1).isEmpty();
                String delimiter = firstNonNull(heredoc.group(2), heredoc.group(3), heredoc.group(4), heredoc.group(5));
                boolean quoted = heredoc.group(5) == null;
                boolean toConfig = writesConfig(line);
                for (i = i + 1; i < lines.length; i++) {
                    String body = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                    if (body.equals(delimiter)) {
                        break;
                    }
                    if (toConfig) {
                        found.add(new ConfigLine(body, i + 1, quoted ? Writer.QUOTED_HEREDOC : Writer.UNQUOTED_HEREDOC));
                    }
                }
                continue;
            }
            if (!writesConfig(line)) {
                continue;
            }
            Matcher echo = ECHO.matcher(line);
            Matcher printf = PRINTF.matcher(line);
            if (echo.find()) {
                String argument = shellWords(line.substring(echo.end()));
                found.add(new ConfigLine(argument, i + 1, Writer.ECHO));
            } else if (printf.find()) {
                List<String> words = words(line.substring(printf.end()));
                String output = words.isEmpty() ? ""
                        : PrintfFormat.format(words.get(0), words.subList(1, words.size()), new ArrayList<>());
                for (String part : output.split("\n", -1)) {
                    if (!part.isEmpty()) {
                        found.add(new ConfigLine(part, i + 1, Writer.PRINTF));
                    }
                }
            }
        }
        return found;
    }

    private static boolean writesConfig(String line) {
        return line.contains("ecs.config");
    }

    /**
     * Returns the words of a command's arguments, joined by one space, up to the first unquoted redirection or
     * pipe, after the shell's quote removal; leading {@code -e}, {@code -n} and {@code -E} options are dropped.
     */
    static String shellWords(String text) {
        List<String> words = words(text);
        while (!words.isEmpty() && words.get(0).matches("-[neE]+")) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** Splits command arguments into words up to the first unquoted redirection, pipe or command separator. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end;
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '>' || c == '|' || c == ';' || c == '&') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
