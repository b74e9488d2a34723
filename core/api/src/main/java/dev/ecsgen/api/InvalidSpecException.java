package dev.ecsgen.api;

/**
 * Thrown by a plugin when its part of the spec is invalid. The engine adds the file, line and column
 * of {@link #field()} to the message it shows.
 */
public class InvalidSpecException extends RuntimeException {
    private final String field;

    /**
     * @param field   the key within the registry or AMI entry, such as {@code host}
     * @param message what is wrong and the expected form
     */
    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
