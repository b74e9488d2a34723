package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenVersion;
import dev.ecsgen.engine.write.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a section 1 man page in troff ({@code man} macros) for {@code ecsgen} and each subcommand,
 * from the picocli command model, so the pages list the same options as {@code --help}. The build
 * runs {@link #main} to put them under {@code man/man1} in the distribution.
 */
public final class ManPages {
    private ManPages() {
    }

    /** Writes every page into the folder given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPages OUTPUT_DIR");
        }
        write(Path.of(args[0]));
    }

    /** Writes every page into {@code folder}, creating it if needed, and returns the files written. */
    public static List<Path> write(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the man page folder " + folder, e);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> page : pages(Main.commandLine()).entrySet()) {
            Path file = folder.resolve(page.getKey());
            AtomicFileWriter.write(file, page.getValue());
            written.add(file);
        }
        return written;
    }

    /** Returns the pages by file name, such as {@code ecsgen-generate.1}, for the root and each subcommand. */
    static Map<String, String> pages(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        addPages(root, pages);
        return pages;
    }

    private static void addPages(CommandLine command, Map<String, String> pages) {
        pages.put(pageName(command.getCommandSpec()) + ".1", page(command.getCommandSpec()));
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!pages.containsKey(pageName(sub.getCommandSpec()) + ".1")) {
                addPages(sub, pages);
            }
        }
    }

    private static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec) {
        String name = pageName(spec);
        StringBuilder out = new StringBuilder();
        out.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"ecsgen ")
                .append(EcsgenVersion.full()).append("\" \"ecsgen Manual\"\n");
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstSentence(spec))).append('\n');

        out.append(".SH SYNOPSIS\n.B ").append(escape(spec.qualifiedName(" "))).append('\n');
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                out.append("[\\fB").append(escape(option.longestName())).append("\\fR");
                if (option.arity().max() > 0) {
                    out.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                }
                out.append("]\n");
            }
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                String label = "\\fI" + escape(parameter.paramLabel()) + "\\fR"
                        + (parameter.arity().max() > 1 ? "..." : "");
                out.append(parameter.arity().min() == 0 ? "[" + label + "]" : label).append('\n');
            }
        }
        if (!spec.subcommands().isEmpty()) {
            out.append("\\fICOMMAND\\fR\n");
        }

        out.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            out.append(".PP\n").append(escape(line)).append('\n');
        }

        if (!spec.positionalParameters().isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                out.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n")
                        .append(escape(describe(parameter.description(), parameter.completionCandidates(),
                                parameter.defaultValue()))).append('\n');
            }
        }

        out.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String optionName : option.names()) {
                names.add("\\fB" + escape(optionName) + "\\fR");
            }
            out.append(String.join(", ", names));
            if (option.arity().max() > 0) {
                out.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
            }
            out.append('\n').append(escape(describe(option.description(), option.completionCandidates(),
                    option.defaultValue()))).append('\n');
        }

        if (!spec.subcommands().isEmpty()) {
            out.append(".SH COMMANDS\n");
            spec.subcommands().forEach((subName, sub) -> out.append(".TP\n\\fB").append(escape(subName))
                    .append("\\fR\n").append(escape(firstSentence(sub.getCommandSpec()))).append('\n'));
        }

        List<String> footer = List.of(spec.usageMessage().footer());
        if (!footer.isEmpty()) {
            out.append(".SH \"EXIT STATUS\"\n");
            for (String line : footer) {
                String trimmed = line.trim();
                int space = trimmed.indexOf(' ');
                if (space > 0) {
                    out.append(".TP\n.B ").append(escape(trimmed.substring(0, space))).append('\n')
                            .append(escape(trimmed.substring(space).trim())).append('\n');
                }
            }
        }

        out.append(".SH \"SEE ALSO\"\n");
        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add("\\fB" + escape(pageName(spec.parent())) + "\\fR(1)");
        }
        spec.subcommands().values().forEach(sub -> related.add("\\fB" + escape(pageName(sub.getCommandSpec())) + "\\fR(1)"));
        out.append(related.isEmpty() ? "\\fBecsgen\\fR(1)" : String.join(", ", related)).append('\n');
        return out.toString();
    }

    /** Joins a description and expands the picocli variables that {@code --help} expands. */
    private static String describe(String[] description, Iterable<String> candidates, String defaultValue) {
        List<String> values = new ArrayList<>();
        if (candidates != null) {
            candidates.forEach(values::add);
        }
        return String.join(" ", description)
                .replace("${COMPLETION-CANDIDATES}", String.join(", ", values))
                .replace("${DEFAULT-VALUE}", defaultValue == null ? "none" : defaultValue);
    }

    private static String firstSentence(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        if (description.length == 0) {
            return spec.name();
        }
        String first = description[0];
        int end = first.indexOf(". ");
        first = end < 0 ? first : first.substring(0, end + 1);
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    /**
     * Escapes text for troff: backslashes, hyphens (which troff may render as typographic dashes),
     * and a '.' or '\'' at the start of a line, which troff would read as a request.
     */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        if (escaped.startsWith(".") || escaped.startsWith("'")) {
            escaped = "\\&" + escaped;
        }
        return escaped.replace("%n", " ");
    }
}
