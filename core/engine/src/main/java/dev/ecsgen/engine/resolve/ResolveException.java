package dev.ecsgen.engine.resolve;

/**
 * An intrinsic function that cannot be evaluated, such as a {@code Ref} to a name the template does not declare.
 * The message starts with the JSON pointer of the failing function object, then names the function, as in
 * {@code /Resources/LT/Properties/UserData: Ref to unknown name 'Foo'}.
 */
public class ResolveException extends RuntimeException {
    private final String path;

    /**
     * @param path   the JSON pointer of the function object, empty for the root
     * @param detail what failed, starting with the function name
     */
    public ResolveException(String path, String detail) {
        super((path.isEmpty() ? "/" : path) + ": " + detail);
        this.path = path;
    }

    /** Returns the JSON pointer of the function object that failed, empty for the root. */
    public String path() {
        return path;
    }
}
