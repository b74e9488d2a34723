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
 */
public record Finding(String file, String path, Severity severity, String rule, String message) {
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the one-line form {@code file: path: severity [rule] message}. */
    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "/" : path) + ": " + severity.label() + " [" + rule + "] " + message;
    }
}
