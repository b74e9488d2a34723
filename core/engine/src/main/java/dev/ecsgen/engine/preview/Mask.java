package dev.ecsgen.engine.preview;

/** Masks a secret as {@code ****(N)}, where N is its length in characters (code points). */
public final class Mask {
    private Mask() {
    }

    /** Returns the mask of the value, or {@code ****(0)} for null. */
    public static String of(String secret) {
        int length = secret == null ? 0 : secret.codePointCount(0, secret.length());
        return "****(" + length + ")";
    }
}
