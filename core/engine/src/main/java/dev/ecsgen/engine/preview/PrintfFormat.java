package dev.ecsgen.engine.preview;

import java.util.List;

/** Applies a bash {@code printf} format to arguments, for the directives {@code %s}, {@code %b} and {@code %%}. */
public final class PrintfFormat {
    private PrintfFormat() {
    }

    /**
     * Formats as bash does: the format is reused while arguments remain, and a missing argument is empty.
     *
     * @param problems receives a description of each directive or escape that is not modelled
     */
    public static String format(String format, List<String> arguments, List<String> problems) {
        StringBuilder output = new StringBuilder();
        int next = 0;
        do {
            int consumedBefore = next;
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i);
                if (c == '\\' && i + 1 < format.length()) {
                    i = escape(format, i, output, problems);
                } else if (c == '%' && i + 1 < format.length()) {
                    char directive = format.charAt(i + 1);
                    if (directive == '%') {
                        output.append('%');
                    } else if (directive == 's' || directive == 'b') {
                        output.append(next < arguments.size() ? arguments.get(next) : "");
                        next++;
                    } else {
                        problems.add("the printf directive %" + directive + " is not modelled and is shown as written");
                        output.append(c).append(directive);
                    }
                    i += 2;
                } else {
                    output.append(c);
                    i++;
                }
            }
            if (next == consumedBefore) {
                break;
            }
        } while (next < arguments.size());
        return output.toString();
    }

    private static int escape(String format, int i, StringBuilder output, List<String> problems) {
        char c = format.charAt(i + 1);
        switch (c) {
            case 'n' -> output.append('\n');
            case 't' -> output.append('\t');
            case 'r' -> output.append('\r');
            case '\\' -> output.append('\\');
            case '"' -> output.append('"');
            case '\'' -> output.append('\'');
            default -> {
                problems.add("the printf escape \\" + c + " is not modelled and is shown as written");
                output.append('\\').append(c);
            }
        }
        return i + 2;
    }
}
