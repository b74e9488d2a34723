package dev.ecsgen.engine;

/** Builds JSON pointers (RFC 6901), the paths that findings and error messages name. */
public final class JsonPointers {
    private JsonPointers() {
    }

    /** Returns {@code key} as a reference token, with {@code ~} written as {@code ~0} and {@code /} as {@code ~1}. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Appends an object key to {@code pointer}. */
    public static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }

    /** Appends an array index to {@code pointer}. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
