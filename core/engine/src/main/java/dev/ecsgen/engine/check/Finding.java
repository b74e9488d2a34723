package dev.ecsgen.engine.check;

import java.util.Objects;

/**
 * One problem found in a template.
 *
 * @param file     the template file as the user named it, or {@code <generated>} for a template in memory
 * @param path     the JSON pointer of the offending value, such as {@code /Resources/Service/Properties/Cluster}
 * @param severity error or warning
 * @param rule     a stable rule id, such as {@code ref-unresolved}, that tests and suppressions match on
 * @param message  what is wrong and what to do
 * @param line     the line of the value in the file, or 0 when unknown
 */
public record Finding(String file, String path, Severity severity, String rule, String message, int line) {
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** Creates a finding whose line is unknown. */
    public Finding(String file, String path, Severity severity, String rule, String message) {
        this(file, path, severity, rule, message, 0);
    }

    /** Returns this finding at {@code line} of its file. */
    public Finding withLine(int line) {
        return new Finding(file, path, severity, rule, message, line);
    }

    /** Returns the one-line form {@code file:line: path: severity [rule] message}, without {@code :line} when unknown. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "/" : path) + ": " + severity.label()
                + " [" + rule + "] " + message;
    }
}
