package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("cluster", "name", "registries", "tasks");

    @Test
    void nearNameIsSuggested() {
        assertThat(Suggestions.closest("taks", KEYS)).contains("tasks");
        assertThat(Suggestions.didYouMean("clustr", KEYS)).isEqualTo("did you mean 'cluster'? ");
    }

    @Test
    void caseDifferenceIsSuggested() {
        assertThat(Suggestions.closest("Registries", KEYS)).contains("registries");
    }

    @Test
    void distantNameHasNoSuggestion() {
        assertThat(Suggestions.closest("owner", KEYS)).isEmpty();
        assertThat(Suggestions.didYouMean("owner", KEYS)).isEmpty();
    }

    @Test
    void tieGoesToFirstInOrder() {
        assertThat(Suggestions.closest("ab", List.of("ac", "aa"))).contains("aa");
    }
}
