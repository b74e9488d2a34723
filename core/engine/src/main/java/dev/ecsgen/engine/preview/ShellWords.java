package dev.ecsgen.engine.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a simple shell command line into words the way bash does after quote removal, with parameter expansion
 * from a table of known variables. Command substitution, globbing and {@code $'...'} are not evaluated.
 */
final class ShellWords {
    /**
     * The words of a line.
     *
     * @param words      the words after quote removal and expansion
     * @param unresolved the expansions that could not be evaluated, as written, such as {@code $HOME} or
     *                   {@code $(date)}; their text stays in the words as written
     */
    record Result(List<String> words, List<String> unresolved) {
    }

    private final String text;
    private final Map<String, String> variables;
    private final List<String> unresolved = new ArrayList<>();
    private int position;

    private ShellWords(String text, Map<String, String> variables) {
        this.text = text;
        this.variables = variables;
    }

    static Result split(String text, Map<String, String> variables) {
        ShellWords parser = new ShellWords(text, variables);
        List<String> words = parser.words();
        return new Result(List.copyOf(words), List.copyOf(parser.unresolved));
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                position++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = text.indexOf('\'', position + 1);
                if (end < 0) {
                    end = text.length();
                    unresolved.add("unterminated '");
                }
                word.append(text, position + 1, end);
                position = end + 1;
            } else if (c == '"') {
                position++;
                doubleQuoted(word);
            } else if (c == '\\') {
                if (position + 1 < text.length()) {
                    word.append(text.charAt(position + 1));
                }
                position += 2;
            } else if (c == '$' || c == '`') {
                expansion(word);
            } else {
                word.append(c);
                position++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private void doubleQuoted(StringBuilder word) {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return;
            }
            if (c == '\\' && position + 1 < text.length() && "$`\"\\".indexOf(text.charAt(position + 1)) >= 0) {
                word.append(text.charAt(position + 1));
                position += 2;
            } else if (c == '$' || c == '`') {
                expansion(word);
            } else {
                word.append(c);
                position++;
            }
        }
        unresolved.add("unterminated \"");
    }

    /** Expands {@code $name} or {@code ${name}} from the table, or keeps any other expansion as written. */
    private void expansion(StringBuilder word) {
        int start = position;
        char c = text.charAt(position);
        if (c == '`') {
            int end = text.indexOf('`', position + 1);
            position = end < 0 ? text.length() : end + 1;
            keepUnresolved(word, start);
            return;
        }
        String name = null;
        if (position + 1 < text.length() && text.charAt(position + 1) == '{') {
            int end = text.indexOf('}', position + 2);
            if (end > 0) {
                String inner = text.substring(position + 2, end);
                position = end + 1;
                name = inner.matches("[A-Za-z_][A-Za-z0-9_]*") ? inner : null;
            } else {
                position = text.length();
            }
        } else if (position + 1 < text.length() && text.charAt(position + 1) == '(') {
            int end = text.indexOf(')', position + 2);
            position = end < 0 ? text.length() : end + 1;
        } else {
            int end = position + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            if (end == position + 1) {
                word.append('$');
                position++;
                return;
            }
            name = text.substring(position + 1, end);
            position = end;
        }
        if (name != null && variables.containsKey(name)) {
            word.append(variables.get(name));
            return;
        }
        keepUnresolved(word, start);
    }

    private void keepUnresolved(StringBuilder word, int start) {
        String written = text.substring(start, position);
        unresolved.add(written);
        word.append(written);
    }
}
