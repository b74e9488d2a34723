package dev.ecsgen.engine.resolve;

import java.util.function.UnaryOperator;

/** The string syntax of {@code Fn::Sub}: {@code ${Name}} is replaced, {@code ${!Text}} becomes the literal {@code ${Text}}. */
final class SubTemplate {
    private SubTemplate() {
    }

    /**
     * Replaces every {@code ${Name}} in the template with {@code lookup.apply(Name)} and every {@code ${!Text}} with
     * {@code ${Text}}. An opening <code>${</code> without a closing brace is copied unchanged, with the rest of the string.
     */
    static String substitute(String template, UnaryOperator<String> lookup) {
        StringBuilder out = new StringBuilder(template.length());
        int position = 0;
        while (true) {
            int start = template.indexOf("${", position);
            if (start < 0) {
                break;
            }
            int end = template.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            out.append(template, position, start);
            String name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name, 1, name.length()).append('}');
            } else {
                out.append(lookup.apply(name));
            }
            position = end + 1;
        }
        out.append(template, position, template.length());
        return out.toString();
    }
}
