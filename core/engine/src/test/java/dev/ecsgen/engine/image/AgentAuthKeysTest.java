package dev.ecsgen.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentAuthKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://quay.io, quay.io",
            "http://quay.io, quay.io",
            "quay.io, quay.io",
            "https://index.docker.io/v1/, index.docker.io/v1/",
            "https://registry.example.com:5000, registry.example.com:5000",
            "HTTPS://quay.io, HTTPS://quay.io",
            "https://https://quay.io, https://quay.io",
            "ftp://quay.io, ftp://quay.io",
    })
    void normalizeStripsOneScheme(String key, String expected) {
        assertThat(AgentAuthKeys.normalize(key)).isEqualTo(expected);
    }

    static Stream<Arguments> matchCases() {
        return Stream.of(
                // key, image, whether the agent may use the key for the image
                arguments("https://index.docker.io/v1/", "nginx", true),
                arguments("https://index.docker.io/v1/", "org/app", true),
                arguments("https://index.docker.io/v1/", "docker.io/org/app", true),
                arguments("https://index.docker.io/v1/", "index.docker.io/org/app:1", true),
                arguments("https://index.docker.io/v1/", "registry-1.docker.io/org/app", true),
                // The agent strips the scheme before it compares, so these spellings reach the same entry.
                arguments("http://index.docker.io/v1/", "nginx", true),
                arguments("index.docker.io/v1/", "org/app", true),
                arguments("docker.io", "nginx", false),
                arguments("docker.io", "docker.io/org/app", false),
                arguments("https://docker.io", "org/app", false),
                arguments("index.docker.io", "nginx", false),
                arguments("https://index.docker.io", "nginx", false),
                arguments("https://index.docker.io/v1", "nginx", false),
                arguments("https://index.docker.io/v1", "docker.io/org/app", false),
                arguments("registry-1.docker.io", "registry-1.docker.io/org/app", false),
                arguments("https://index.docker.io/v1/", "quay.io/org/app", false),
                arguments("quay.io", "quay.io/org/app:tag", true),
                arguments("https://quay.io", "quay.io/org/app", true),
                arguments("http://quay.io", "quay.io/org/app", true),
                arguments("quay.io", "nginx", false),
                arguments("quay.io", "quay.io.example.com/app", false),
                arguments("Quay.io", "quay.io/org/app", false),
                arguments("HTTPS://quay.io", "quay.io/org/app", false),
                arguments("registry.example.com:5000", "registry.example.com:5000/team/app", true),
                arguments("https://registry.example.com:5000", "registry.example.com:5000/team/app:1.0", true),
                arguments("registry.example.com", "registry.example.com:5000/team/app", false),
                arguments("registry.example.com:5000", "registry.example.com/team/app", false),
                arguments("registry.example.com:443", "registry.example.com/team/app", false),
                arguments("localhost:5000", "localhost:5000/x", true),
                arguments("localhost", "localhost:5000/x", false),
                arguments("[::1]:5000", "[::1]:5000/app", true),
                arguments("quay.io/org", "quay.io/org/app", true),
                // The agent may take a namespace key for an image in another namespace on the same host.
                arguments("quay.io/org", "quay.io/other/app", true),
                arguments("quay.io/org", "example.com/org/app", false),
                arguments("", "nginx", false),
                arguments("", "quay.io/org/app", false));
    }

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @MethodSource("matchCases")
    void matchesFollowsAgentLookup(String key, String image, boolean expected) {
        assertThat(AgentAuthKeys.matches(key, ImageReference.parse(image))).isEqualTo(expected);
    }

    @Test
    void agentAuthKeyMatchesItsImage() {
        for (String image : List.of("nginx", "org/app", "quay.io/org/app", "registry.example.com:5000/team/app",
                "[::1]:5000/app", "registry-1.docker.io/org/app")) {
            ImageReference reference = ImageReference.parse(image);

            assertThat(AgentAuthKeys.matches(reference.agentAuthKey(), reference)).as(image).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://index.docker.io/v1/",
            "index.docker.io/v1/",
            "quay.io",
            "https://quay.io",
            "http://registry.example.com:5000",
            "localhost",
            "localhost:5000",
            "[::1]:5000",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com",
    })
    void problemIsEmptyForUsableKey(String key) {
        assertThat(AgentAuthKeys.problem(key)).isEmpty();
    }

    static Stream<Arguments> problemCases() {
        return Stream.of(
                // key, fragment of the explanation
                arguments("docker.io", "only under https://index.docker.io/v1/"),
                arguments("https://docker.io", "only under https://index.docker.io/v1/"),
                arguments("index.docker.io", "only under https://index.docker.io/v1/"),
                arguments("https://index.docker.io", "only under https://index.docker.io/v1/"),
                arguments("https://index.docker.io/v1", "only under https://index.docker.io/v1/"),
                arguments("https://index.docker.io/v2/", "only under https://index.docker.io/v1/"),
                arguments("registry-1.docker.io", "only under https://index.docker.io/v1/"),
                arguments("docker.io/org", "only under https://index.docker.io/v1/"),
                arguments("Docker.io", "only under https://index.docker.io/v1/"),
                arguments("", "is empty"),
                arguments("https://", "is empty"),
                arguments(" quay.io", "contains whitespace"),
                arguments("quay.io ", "contains whitespace"),
                arguments("HTTPS://quay.io", "keeps its scheme"),
                arguments("ftp://quay.io", "keeps its scheme"),
                arguments("quay.io/org", "has a path after the host"),
                arguments("https://quay.io/org/team", "Use the key quay.io"),
                arguments("quay.io/", "has a path after the host"),
                arguments("Quay.io", "compares hosts case-sensitively"),
                arguments("https://Registry.Example.com:5000", "Write it as registry.example.com:5000"),
                arguments("myregistry", "'myregistry' has no '.' or ':' and is not localhost"),
                arguments("https://myregistry/v1/", "has no '.' or ':'"),
                arguments("quay.io:99999", "must be between 1 and 65535"),
                arguments("bad_host.example.com", "registry host 'bad_host.example.com' is invalid"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("problemCases")
    void problemExplainsKey(String key, String fragment) {
        assertThat(AgentAuthKeys.problem(key)).hasValueSatisfying(explanation -> {
            assertThat(explanation).startsWith("ECS_ENGINE_AUTH_DATA key '" + key + "' ");
            assertThat(explanation).contains(fragment);
        });
    }

    @Test
    void duplicatesGroupsSameRegistry() {
        var keys = List.of("quay.io", "ghcr.io", "https://quay.io", "http://quay.io");

        assertThat(AgentAuthKeys.duplicates(keys))
                .containsExactly(List.of("quay.io", "https://quay.io", "http://quay.io"));
    }

    @Test
    void duplicatesGroupsDockerHubKeys() {
        var keys = List.of("https://index.docker.io/v1/", "index.docker.io/v1/", "http://index.docker.io/v1/");

        assertThat(AgentAuthKeys.duplicates(keys)).containsExactly(keys);
    }

    @Test
    void duplicatesKeepsGroupsInInputOrder() {
        var keys = List.of("https://ghcr.io", "quay.io", "ghcr.io", "https://quay.io", "example.com");

        assertThat(AgentAuthKeys.duplicates(keys))
                .containsExactly(List.of("https://ghcr.io", "ghcr.io"), List.of("quay.io", "https://quay.io"));
    }

    @Test
    void duplicatesIgnoresDistinctKeys() {
        assertThat(AgentAuthKeys.duplicates(List.of("quay.io", "quay.io/org"))).isEmpty();
        assertThat(AgentAuthKeys.duplicates(List.of("quay.io", "Quay.io"))).isEmpty();
        assertThat(AgentAuthKeys.duplicates(List.of("docker.io", "https://index.docker.io/v1/"))).isEmpty();
        assertThat(AgentAuthKeys.duplicates(List.of("registry.example.com", "registry.example.com:5000"))).isEmpty();
        assertThat(AgentAuthKeys.duplicates(List.of())).isEmpty();
    }

    @Test
    void duplicatesReportsRepeatedKey() {
        assertThat(AgentAuthKeys.duplicates(List.of("quay.io", "quay.io")))
                .containsExactly(List.of("quay.io", "quay.io"));
    }
}
