package dev.ecsgen.engine.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code /etc/ecs/ecs.config} as the ECS container agent receives them.
 *
 * <p>ecs-init (aws/amazon-ecs-agent) reads the file once, when it starts the agent. It splits the text at each
 * {@code \n}, trims each line, skips a line without {@code =}, and splits the rest at the first {@code =}. Nothing
 * else is interpreted: quotes stay part of the value, {@code #}, {@code \}, {@code $} and inner spaces pass through,
 * and a value never spans two lines. Because the pairs go into a map, a later line for the same key replaces an
 * earlier one. The key is not trimmed on its own, so {@code KEY = v} sets the key {@code "KEY "} to {@code " v"}.
 *
 * <p>NOTE: that a line without {@code =} is skipped and that the last line for a key wins are assumptions about
 * ecs-init's parser, not checked against a specific release.
 */
public final class EcsConfig {
    /** The path the agent reads. */
    public static final String PATH = "/etc/ecs/ecs.config";

    /**
     * One {@code KEY=value} line.
     *
     * @param line  the 1-based line number in the text
     * @param key   the text before the first {@code =}
     * @param value the text after the first {@code =}, as the agent receives it
     */
    public record Entry(int line, String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Entry> entries;
    private final List<Integer> ignoredLines;
    private final Map<String, Entry> effective;

    private EcsConfig(List<Entry> entries, List<Integer> ignoredLines) {
        this.entries = List.copyOf(entries);
        this.ignoredLines = List.copyOf(ignoredLines);
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byKey.put(entry.key(), entry);
        }
        this.effective = byKey;
    }

    /** Parses config text the way ecs-init does. */
    public static EcsConfig parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Entry> entries = new ArrayList<>();
        List<Integer> ignored = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int equals = line.indexOf('=');
            if (equals < 0) {
                if (!line.isEmpty()) {
                    ignored.add(i + 1);
                }
                continue;
            }
            entries.add(new Entry(i + 1, line.substring(0, equals), line.substring(equals + 1)));
        }
        return new EcsConfig(entries, ignored);
    }

    /** Returns every {@code KEY=value} line in file order, including lines that a later line overrides. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the 1-based numbers of non-blank lines without {@code =}, which the agent skips. */
    public List<Integer> ignoredLines() {
        return ignoredLines;
    }

    /** Returns the entry the agent uses for the key: the last line that sets it. */
    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(effective.get(key));
    }

    /** Returns the value the agent uses for the key, or empty when no line sets it. */
    public Optional<String> value(String key) {
        return entry(key).map(Entry::value);
    }

    /** Returns the entries that a later line for the same key overrides, in file order. */
    public List<Entry> overridden() {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : entries) {
            if (effective.get(entry.key()) != entry) {
                result.add(entry);
            }
        }
        return List.copyOf(result);
    }
}
