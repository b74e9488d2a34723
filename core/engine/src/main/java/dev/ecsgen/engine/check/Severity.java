package dev.ecsgen.engine.check;

/** The seriousness of a finding: errors fail a check, and warnings fail it only under {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING;

    /** Returns the lower-case name used in reports, such as {@code error}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
