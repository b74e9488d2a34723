package dev.ecsgen.engine.spec;

import dev.ecsgen.engine.EcsgenException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem in a spec so that one run reports them all, each with its location. */
public final class SpecProblems {
    private static final int MAX_SHOWN_VALUE = 80;

    private final SourceMap sources;
    private final List<String> messages = new ArrayList<>();

    public SpecProblems(SourceMap sources) {
        this.sources = sources;
    }

    /** Records that the value at {@code pointer} is invalid, with the expected form. */
    public void invalid(String pointer, Object value, String expected) {
        messages.add(sources.explicitOrParent(pointer) + ": invalid value " + quote(value) + " for "
                + SourceMap.displayPath(pointer) + ": expected " + expected);
    }

    /** Records that a required value is missing below {@code parentPointer}. */
    public void missing(String parentPointer, String key, String expected) {
        String path = SourceMap.displayPath(parentPointer + "/" + key);
        messages.add(sources.valueAt(parentPointer) + ": missing value for " + path + ": expected " + expected);
    }

    /** Records a problem that is not about one value's form, such as two entries that conflict. */
    public void conflict(String pointer, String message) {
        messages.add(sources.valueAt(pointer) + ": " + message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws an invalid-input error listing every problem, if there is any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw EcsgenException.invalidInput(String.join("\n", messages));
        }
    }

    /** Quotes a spec value for a message, with control and invisible characters escaped and long values cut. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX_SHOWN_VALUE; i++, shown++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX_SHOWN_VALUE) {
            out.append("...' (").append(text.length()).append(" characters)");
        } else {
            out.append('\'');
        }
        return out.toString();
    }
}
