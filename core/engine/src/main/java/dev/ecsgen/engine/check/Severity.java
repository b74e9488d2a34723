package dev.ecsgen.engine.check;

/** How serious a finding is; errors fail a check, warnings fail it only under {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING;

    /** Returns the lower-case name used in reports, such as {@code error}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
