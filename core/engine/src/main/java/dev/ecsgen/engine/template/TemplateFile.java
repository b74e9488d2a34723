package dev.ecsgen.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A CloudFormation template read from a file, with short forms in long form.
 *
 * @param file     the file name as the user gave it
 * @param template the template, always a JSON object
 * @param bytes    the size of the file, which is the size of the template body CloudFormation receives
 * @param lines    the line of each value by JSON pointer
 */
public record TemplateFile(String file, JsonNode template, long bytes, Map<String, Integer> lines) {
    public TemplateFile {
        lines = Map.copyOf(lines);
    }

    /** Returns the line of the value at {@code pointer}, or of its nearest enclosing value; 0 when unknown. */
    public int lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 0;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }
}
