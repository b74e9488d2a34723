package dev.ecsgen.engine.spec;

/**
 * A place in an input file, for messages.
 *
 * @param file   the file as the user named it
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

    /** Returns {@code file:line:column}, or just the file when the position is unknown. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
