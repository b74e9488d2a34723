package dev.ecsgen.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcsConfigTest {
    @Test
    void keepsQuotesInValue() {
        EcsConfig config = EcsConfig.parse("ECS_ENGINE_AUTH_DATA='{\"a\":{}}'\nECS_CLUSTER=\"web\"\n");

        assertThat(config.value("ECS_ENGINE_AUTH_DATA")).contains("'{\"a\":{}}'");
        assertThat(config.value("ECS_CLUSTER")).contains("\"web\"");
    }

    @Test
    void trimsLinesButNotKeyFromValue() {
        EcsConfig config = EcsConfig.parse("  ECS_CLUSTER=web \t\r\nKEY = value\n");

        assertThat(config.value("ECS_CLUSTER")).contains("web");
        assertThat(config.value("KEY ")).contains(" value");
        assertThat(config.value("KEY")).isEmpty();
    }

    @Test
    void splitsAtFirstEquals() {
        EcsConfig config = EcsConfig.parse("ECS_ENGINE_AUTH_DATA={\"k\":{\"auth\":\"dTpw==\"}}=x");

        assertThat(config.entries()).containsExactly(
                new EcsConfig.Entry(1, "ECS_ENGINE_AUTH_DATA", "{\"k\":{\"auth\":\"dTpw==\"}}=x"));
    }

    @Test
    void passesShellCharactersThrough() {
        EcsConfig config = EcsConfig.parse("A=$HOME # not a comment \\n `id`\n");

        assertThat(config.value("A")).contains("$HOME # not a comment \\n `id`");
    }

    @Test
    void laterLineWins() {
        EcsConfig config = EcsConfig.parse("ECS_CLUSTER=one\nECS_LOGLEVEL=info\nECS_CLUSTER=two\n");

        assertThat(config.value("ECS_CLUSTER")).contains("two");
        assertThat(config.entry("ECS_CLUSTER").orElseThrow().line()).isEqualTo(3);
        assertThat(config.overridden()).containsExactly(new EcsConfig.Entry(1, "ECS_CLUSTER", "one"));
    }

    @Test
    void skipsLinesWithoutEquals() {
        EcsConfig config = EcsConfig.parse("# comment\n\nECS_CLUSTER=web\ncontinued value\n");

        assertThat(config.entries()).containsExactly(new EcsConfig.Entry(3, "ECS_CLUSTER", "web"));
        assertThat(config.ignoredLines()).containsExactly(1, 4);
    }

    @Test
    void readsCommentedAssignmentAsKey() {
        EcsConfig config = EcsConfig.parse("#ECS_CLUSTER=old\n");

        assertThat(config.value("#ECS_CLUSTER")).contains("old");
        assertThat(config.value("ECS_CLUSTER")).isEmpty();
    }
}
