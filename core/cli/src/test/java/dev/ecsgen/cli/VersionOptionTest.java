package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.EcsgenVersion;
import org.junit.jupiter.api.Test;

class VersionOptionTest {
    @Test
    void versionListsPluginsAndTheirExtensions() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).first().isEqualTo("ecsgen " + EcsgenVersion.full());
        assertThat(run.out()).contains("\nPlugins:\n")
                .containsPattern("\n  \\(class path\\): .*registry dockerhub")
                .containsPattern("\n  \\(class path\\): .*ami ecs-optimized");
    }

    @Test
    void versionIsSemantic() {
        assertThat(EcsgenVersion.full()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    }

    @Test
    void subcommandVersionMatchesRoot() {
        assertThat(CliRun.of("diagram", "--version").out()).isEqualTo(CliRun.of("--version").out());
    }

    @Test
    void helpDoesNotListPlugins() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Plugins:", "(class path)");
    }
}
