package dev.ecsgen.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {
    static final String SHA256 = "sha256:" + "0123456789abcdef".repeat(4);
    static final String SHA512 = "sha512:" + "fedcba9876543210".repeat(8);
    private static final String HUB = AgentAuthKeys.DOCKER_HUB_KEY;
    private static final String EXAMPLES = "e.g. nginx:1.27 or registry.example.com:5000/team/app:1.0";

    static Stream<Arguments> validReferences() {
        return Stream.of(
                // input, registry, repository, tag, digest, agent key
                arguments("nginx", "docker.io", "library/nginx", null, null, HUB),
                arguments("nginx:1.27", "docker.io", "library/nginx", "1.27", null, HUB),
                arguments("nginx:latest", "docker.io", "library/nginx", "latest", null, HUB),
                arguments("org/app", "docker.io", "org/app", null, null, HUB),
                arguments("org/app:1.0", "docker.io", "org/app", "1.0", null, HUB),
                arguments("org/team/app:v2", "docker.io", "org/team/app", "v2", null, HUB),
                arguments("docker.io/nginx", "docker.io", "library/nginx", null, null, HUB),
                arguments("docker.io/org/app:1.0", "docker.io", "org/app", "1.0", null, HUB),
                arguments("docker.io/library/nginx:1.27", "docker.io", "library/nginx", "1.27", null, HUB),
                arguments("index.docker.io/nginx", "docker.io", "library/nginx", null, null, HUB),
                arguments("index.docker.io/org/app:2", "docker.io", "org/app", "2", null, HUB),
                arguments("registry-1.docker.io/library/nginx", "registry-1.docker.io", "library/nginx", null, null, HUB),
                arguments("localhost:5000/x", "localhost:5000", "x", null, null, "localhost:5000"),
                arguments("localhost/x:dev", "localhost", "x", "dev", null, "localhost"),
                // Without a '/', "localhost:5000" is the Docker Hub image library/localhost with tag 5000.
                arguments("localhost:5000", "docker.io", "library/localhost", "5000", null, HUB),
                arguments("localhostx/app", "docker.io", "localhostx/app", null, null, HUB),
                arguments("quay.io/org/app:tag", "quay.io", "org/app", "tag", null, "quay.io"),
                arguments("registry.example.com:5000/team/app:1.0",
                        "registry.example.com:5000", "team/app", "1.0", null, "registry.example.com:5000"),
                arguments("registry.example.com:443/app", "registry.example.com:443", "app", null, null,
                        "registry.example.com:443"),
                arguments("example:5000/app", "example:5000", "app", null, null, "example:5000"),
                arguments("10.0.0.5:5000/app", "10.0.0.5:5000", "app", null, null, "10.0.0.5:5000"),
                arguments("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:prod",
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com", "team/app", "prod", null,
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com"),
                arguments("nginx@" + SHA256, "docker.io", "library/nginx", null, SHA256, HUB),
                arguments("nginx:1.27@" + SHA256, "docker.io", "library/nginx", "1.27", SHA256, HUB),
                arguments("quay.io/org/app:v1@" + SHA512, "quay.io", "org/app", "v1", SHA512, "quay.io"),
                arguments("localhost:5000/x@" + SHA256, "localhost:5000", "x", null, SHA256, "localhost:5000"),
                arguments("[::1]:5000/app:1", "[::1]:5000", "app", "1", null, "[::1]:5000"),
                arguments("[2001:db8::1]/team/app", "[2001:db8::1]", "team/app", null, null, "[2001:db8::1]"),
                arguments("a.b/c__d/e-f/g.h_i:TAG_1.x", "a.b", "c__d/e-f/g.h_i", "TAG_1.x", null, "a.b"),
                arguments("my--app", "docker.io", "library/my--app", null, null, HUB),
                arguments("Registry.Example.com/app", "Registry.Example.com", "app", null, null,
                        "Registry.Example.com"),
                arguments("nginx:_1", "docker.io", "library/nginx", "_1", null, HUB),
                arguments("nginx:" + "t".repeat(128), "docker.io", "library/nginx", "t".repeat(128), null, HUB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferences")
    void parseSplitsReference(String input, String registry, String repository, String tag, String digest,
                              String agentKey) {
        ImageReference reference = ImageReference.parse(input);

        assertThat(reference.registry()).as("registry").isEqualTo(registry);
        assertThat(reference.repository()).as("repository").isEqualTo(repository);
        assertThat(reference.tag()).as("tag").isEqualTo(tag);
        assertThat(reference.digest()).as("digest").isEqualTo(digest);
        assertThat(reference.agentAuthKey()).as("agent key").isEqualTo(agentKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferences")
    void parseAcceptsItsCanonicalForm(String input) {
        ImageReference reference = ImageReference.parse(input);

        assertThat(ImageReference.parse(reference.toString())).isEqualTo(reference);
    }

    static Stream<Arguments> invalidReferences() {
        return Stream.of(
                // input, fragment of the reason
                arguments("", "the value is empty"),
                arguments(" ", "must not contain whitespace"),
                arguments("nginx ", "must not contain whitespace"),
                arguments(" nginx", "must not contain whitespace"),
                arguments("ng inx:1", "must not contain whitespace"),
                arguments("nginx\n", "must not contain whitespace"),
                arguments("nginx:1\t", "must not contain whitespace"),
                arguments("nginx\u00a0", "must not contain whitespace"),
                arguments("\u0007nginx", "must not contain control characters"),
                arguments("nginx\u0000", "must not contain control characters"),
                arguments("Nginx:1", "repository names must be lower case"),
                arguments("org/App", "repository names must be lower case"),
                arguments("Org/app", "repository names must be lower case"),
                arguments("quay.io/Org/app", "repository names must be lower case"),
                arguments("org//app", "has an empty component"),
                arguments("/app", "has an empty component"),
                arguments("app/", "has an empty component"),
                arguments("quay.io/", "has an empty component"),
                arguments("quay.io//app", "has an empty component"),
                arguments("nginx:", "the tag after ':' is empty"),
                arguments("quay.io/org/app:", "the tag after ':' is empty"),
                arguments("nginx:.1", "tag '.1' is invalid"),
                arguments("nginx:-1", "tag '-1' is invalid"),
                arguments("nginx:1+2", "tag '1+2' is invalid"),
                arguments("nginx:" + "t".repeat(129), "is invalid because a tag has 1 to 128"),
                arguments("nginx:1.0:2", "path component 'nginx:1.0' is invalid"),
                arguments("nginx@", "the digest after '@' is empty"),
                arguments("nginx@sha256:abc", "digest 'sha256:abc' is invalid"),
                arguments("nginx@" + SHA256.toUpperCase(java.util.Locale.ROOT), "is invalid because a digest"),
                arguments("nginx@sha256:" + "A".repeat(64), "is invalid because a digest"),
                arguments("nginx@md5:" + "a".repeat(32), "digest 'md5:"),
                arguments("nginx@" + SHA256 + "@" + SHA256, "is invalid because a digest"),
                arguments("nginx:1@" + SHA256 + ":2", "is invalid because a digest"),
                arguments("@" + SHA256, "the repository name is missing"),
                arguments(":1.0", "the repository name is missing"),
                arguments("nginx_/x", "path component 'nginx_' is invalid"),
                arguments("_nginx", "path component '_nginx' is invalid"),
                arguments("-nginx", "path component '-nginx' is invalid"),
                arguments("a..b", "path component 'a..b' is invalid"),
                arguments("a___b", "path component 'a___b' is invalid"),
                arguments("ng\u00efnx", "path component 'ng\u00efnx' is invalid"),
                arguments("quay.io:99999/app", "port of registry 'quay.io:99999' must be between 1 and 65535"),
                arguments("quay.io:0/app", "must be between 1 and 65535"),
                arguments("quay.io:/app", "registry host 'quay.io:' is invalid"),
                arguments("-bad.example.com/app", "registry host '-bad.example.com' is invalid"),
                arguments("bad_host.example.com/app", "registry host 'bad_host.example.com' is invalid"),
                arguments("[zz::1]/app", "registry host '[zz::1]' is invalid"),
                arguments("[::1/app", "registry host '[::1' is invalid"),
                arguments("0123456789abcdef".repeat(4), "is an image ID, not a repository name"),
                arguments("a".repeat(238), "is 256 characters long but Docker allows at most 255"),
                arguments("quay.io/" + "a".repeat(248), "is 256 characters long"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidReferences")
    void parseRejectsInvalidReference(String input, String reason) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid image reference '")
                .hasMessageContaining(reason)
                .hasMessageEndingWith(", " + EXAMPLES);
    }

    @Test
    void parseMessageQuotesValue() {
        assertThatThrownBy(() -> ImageReference.parse("Nginx:1"))
                .hasMessage("invalid image reference 'Nginx:1': repository names must be lower case, " + EXAMPLES);
    }

    @Test
    void parseMessageEscapesControlCharacters() {
        assertThatThrownBy(() -> ImageReference.parse("nginx\u0007:1"))
                .hasMessageStartingWith("invalid image reference 'nginx\\u0007:1': ");
    }

    @Test
    void parseRejectsLongValueQuickly() {
        String value = "a-".repeat(50_000) + "!";

        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> ImageReference.parse(value)).hasMessageContaining("characters long"));
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> ImageReference.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing image reference (null)")
                .hasMessageContaining("[registry/]repository[:tag][@digest]")
                .hasMessageEndingWith(EXAMPLES);
    }

    @Test
    void parseAcceptsNameOfMaximumLength() {
        String hubName = "a".repeat(255 - "docker.io/library/".length());
        String registryName = "quay.io/" + "a".repeat(255 - "quay.io/".length());

        assertThat(ImageReference.parse(hubName).toString()).hasSize(255);
        assertThat(ImageReference.parse(registryName).toString()).hasSize(255);
    }

    @Test
    void effectiveTagDefaultsToLatest() {
        assertThat(ImageReference.parse("nginx").effectiveTag()).isEqualTo("latest");
        assertThat(ImageReference.parse("nginx").tag()).isNull();
    }

    @Test
    void effectiveTagKeepsExplicitTag() {
        assertThat(ImageReference.parse("nginx:1.27").effectiveTag()).isEqualTo("1.27");
        assertThat(ImageReference.parse("nginx:1.27@" + SHA256).effectiveTag()).isEqualTo("1.27");
    }

    @Test
    void effectiveTagIsNullForDigestOnly() {
        assertThat(ImageReference.parse("nginx@" + SHA256).effectiveTag()).isNull();
    }

    @Test
    void isDockerHubFollowsAgentHosts() {
        assertThat(ImageReference.parse("nginx").isDockerHub()).isTrue();
        assertThat(ImageReference.parse("index.docker.io/org/app").isDockerHub()).isTrue();
        assertThat(ImageReference.parse("registry-1.docker.io/org/app").isDockerHub()).isTrue();
        assertThat(ImageReference.parse("quay.io/org/app").isDockerHub()).isFalse();
        assertThat(ImageReference.parse("localhost:5000/app").isDockerHub()).isFalse();
    }

    @Test
    void toStringIsCanonical() {
        assertThat(ImageReference.parse("nginx")).hasToString("docker.io/library/nginx");
        assertThat(ImageReference.parse("index.docker.io/org/app:1")).hasToString("docker.io/org/app:1");
        assertThat(ImageReference.parse("nginx:1@" + SHA256)).hasToString("docker.io/library/nginx:1@" + SHA256);
        assertThat(ImageReference.parse("[::1]:5000/app")).hasToString("[::1]:5000/app");
    }

    @Test
    void constructorAcceptsCanonicalParts() {
        var reference = new ImageReference("quay.io", "org/app", "1.0", SHA256);

        assertThat(reference).isEqualTo(ImageReference.parse("quay.io/org/app:1.0@" + SHA256));
    }

    @Test
    void constructorRejectsLegacyDockerHubName() {
        assertThatThrownBy(() -> new ImageReference("index.docker.io", "library/nginx", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Docker Hub must be written as registry 'docker.io'");
    }

    @Test
    void constructorRejectsHubNameWithoutNamespace() {
        assertThatThrownBy(() -> new ImageReference("docker.io", "nginx", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as library/nginx");
    }

    @Test
    void constructorRejectsInvalidParts() {
        assertThatThrownBy(() -> new ImageReference("quay.io", "Org/app", null, null))
                .hasMessageContaining("repository names must be lower case");
        assertThatThrownBy(() -> new ImageReference("quay.io", "org/app", "", null))
                .hasMessageContaining("the tag after ':' is empty");
        assertThatThrownBy(() -> new ImageReference("quay.io", "org/app", null, "sha256:1"))
                .hasMessageContaining("digest 'sha256:1' is invalid");
        assertThatThrownBy(() -> new ImageReference("quay io", "org/app", null, null))
                .hasMessageContaining("registry host 'quay io' is invalid");
        assertThatThrownBy(() -> new ImageReference("quay.io", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
