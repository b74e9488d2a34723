package dev.ecsgen.cli;

/** The exit codes of every ecsgen command, as the README documents them. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A spec or template fails a check; nothing was written. */
    public static final int CHECK_FAILED = 1;
    /** Invalid usage, or input that cannot be read or is invalid; nothing was written. */
    public static final int INVALID_INPUT = 2;
    /** An unexpected internal error: a bug in ecsgen or a plugin. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
