package dev.ecsgen.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageReferencePropertiesTest {

    @Property
    void parseOfCanonicalFormReturnsSameReference(@ForAll("references") ImageReference reference) {
        assertThat(ImageReference.parse(reference.toString())).isEqualTo(reference);
    }

    @Property
    void agentAuthKeyMatchesGeneratedReference(@ForAll("references") ImageReference reference) {
        assertThat(AgentAuthKeys.matches(reference.agentAuthKey(), reference)).isTrue();
    }

    @Provide
    Arbitrary<ImageReference> references() {
        return Combinators.combine(registries(), repositories(), tags().injectNull(0.4), digests().injectNull(0.6))
                .as(ImageReferencePropertiesTest::reference);
    }

    /**
     * Builds a reference, adding Docker Hub's namespace. The generators keep names under 200 characters, so
     * Docker's limit of 255 never applies.
     */
    private static ImageReference reference(String registry, String repository, String tag, String digest) {
        if (registry.equals("docker.io") && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    private static Arbitrary<String> registries() {
        Arbitrary<String> fixed = Arbitraries.of("docker.io", "registry-1.docker.io", "quay.io", "localhost",
                "localhost:5000", "registry.example.com:5000", "[::1]:5000", "[2001:db8::1]", "10.0.0.5:443",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com");
        Arbitrary<String> label = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                                .ofMinLength(1).ofMaxLength(8),
                        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(4),
                        Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(1))
                .as((head, middle, last) -> head + middle + last);
        Arbitrary<String> domains = label.list().ofMinSize(2).ofMaxSize(4).map(labels -> String.join(".", labels));
        Arbitrary<String> ports = Arbitraries.oneOf(
                Arbitraries.just(""), Arbitraries.integers().between(1, 65535).map(port -> ":" + port));
        Arbitrary<String> generated = Combinators.combine(domains, ports).as((domain, port) -> domain + port);

        return Arbitraries.oneOf(fixed, generated);
    }

    private static Arbitrary<String> repositories() {
        Arbitrary<String> run = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "---");
        Arbitrary<String> component = Combinators.combine(run, Combinators.combine(separator, run)
                        .as((sep, next) -> sep + next).list().ofMaxSize(3))
                .as((first, rest) -> first + String.join("", rest));

        return component.list().ofMinSize(1).ofMaxSize(4).map(components -> String.join("/", components));
    }

    private static Arbitrary<String> tags() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z')
                .numeric().with('_');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                .withChars('_', '.', '-').ofMaxLength(127);
        return Combinators.combine(first, rest).as((head, tail) -> head + tail);
    }

    private static Arbitrary<String> digests() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(128);
        return Combinators.combine(Arbitraries.of(List.of(64, 96, 128)), hex).as((length, digits) ->
                switch (length) {
                    case 64 -> "sha256:" + digits.substring(0, 64);
                    case 96 -> "sha384:" + digits.substring(0, 96);
                    default -> "sha512:" + digits;
                });
    }
}
