package dev.ecsgen.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The nearest known name to a misspelled one, for the "did you mean" hint of an error message. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * Returns the known name nearest to {@code name} by case-insensitive Levenshtein distance, if that distance is
     * at most a third of the longer name (and at least 2), so unrelated names are not suggested. Ties go to the
     * name that sorts first.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        LevenshteinDistance levenshtein = LevenshteinDistance.getDefaultInstance();
        String lowerName = name.toLowerCase(Locale.ROOT);
        Comparator<String> byDistance = Comparator
                .comparingInt((String candidate) -> levenshtein.apply(lowerName, candidate.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder());
        return known.stream()
                .filter(candidate -> !candidate.equals(name))
                .min(byDistance)
                .filter(candidate -> {
                    int distance = levenshtein.apply(lowerName, candidate.toLowerCase(Locale.ROOT));
                    int allowed = Math.max(2, Math.max(name.length(), candidate.length()) / 3);
                    return distance <= allowed;
                });
    }

    /** Returns {@code "did you mean 'x'? "} for the nearest known name, or an empty string when none is near. */
    public static String didYouMean(String name, Collection<String> known) {
        return closest(name, known).map(candidate -> "did you mean '" + candidate + "'? ").orElse("");
    }
}
