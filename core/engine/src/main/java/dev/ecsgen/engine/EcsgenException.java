package dev.ecsgen.engine;

/**
 * A failure to report to the user as a message, without a stack trace, with the exit code the
 * command line ends with.
 */
public class EcsgenException extends RuntimeException {

    /** Exit code for a spec or template that fails a check. */
    public static final int CHECK_FAILED = 1;
    /** Exit code for invalid usage or unreadable or invalid input. */
    public static final int INVALID_INPUT = 2;

    private final int exitCode;

    public EcsgenException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public EcsgenException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static EcsgenException invalidInput(String message) {
        return new EcsgenException(INVALID_INPUT, message);
    }

    public static EcsgenException checkFailed(String message) {
        return new EcsgenException(CHECK_FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
