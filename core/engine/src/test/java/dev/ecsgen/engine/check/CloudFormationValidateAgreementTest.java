package dev.ecsgen.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.testing.ExternalCheckers;
import dev.ecsgen.engine.testing.ExternalCheckers.ValidatorDiagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs AWS's offline validator {@code @aws/cloudformation-validate} on every corpus file: for a rule the validator
 * also covers, it must report an error too; for a rule only ecsgen has, it must report none. The table in
 * docs/validate.md lists the same split.
 */
class CloudFormationValidateAgreementTest {
    /** Corpus files whose problem the validator also reports as an error or fatal diagnostic. */
    static final List<String> OVERLAP = List.of(
            "template-shape.json",
            "ref-unresolved.json", "ref-unresolved-short-form.yaml", "getatt-unresolved.yaml", "sub-unresolved.json",
            "findinmap-unresolved.json", "condition-unresolved.json",
            "condition-unresolved-if.yaml", "dependson-unresolved.json",
            "intrinsic-syntax.json", "intrinsic-nesting.json", "intrinsic-nesting-findinmap.json", "intrinsic-nesting-sub.yaml",
            "limit-count.json", "logical-id.json",
            "spec-unknown-type.json", "spec-unknown-property.json", "spec-missing-property.json", "spec-type.json",
            "spec-shape.json", "spec-unknown-attribute.json");

    /** Corpus files whose problem only ecsgen reports; the validator finds no error in them. */
    static final List<String> ECSGEN_ONLY = List.of(
            "findinmap-unresolved-key.yaml", "mapping-literal.json", "condition-function.yaml",
            "limit-body-size.json", "limit-user-data.json",
            "credential-noecho.json", "noecho-output.json", "noecho-metadata.yaml", "literal-credential.json",
            "ecs-auth-type.yaml", "ecs-auth-type-missing.yaml", "ecs-config-quoted.yaml", "ecs-config-key.yaml", "ecs-auth-key.yaml", "ecs-auth-key-path.yaml",
            "ecs-auth-duplicate.yaml", "ecs-config-writer.yaml", "ecs-config-writer-heredoc.yaml",
            "ecs-auth-docker-form.yaml", "ecs-auth-wrapper.yaml", "ecs-auth-json.yaml");

    private static Map<String, List<ValidatorDiagnostic>> errorsByFile;

    /** Runs the validator once on the whole corpus, because it takes several seconds to start. */
    private static synchronized Map<String, List<ValidatorDiagnostic>> errorsByFile() throws IOException {
        if (errorsByFile == null) {
            List<Path> files = ValidateCorpusTest.corpus().toList();
            ExternalCheckers.ValidatorResult result = ExternalCheckers.runCloudFormationValidate(files);
            errorsByFile = result.errors().stream()
                    .collect(Collectors.groupingBy(diagnostic -> Path.of(diagnostic.file()).getFileName().toString()));
        }
        return errorsByFile;
    }

    static Stream<String> overlap() {
        return OVERLAP.stream();
    }

    static Stream<String> ecsgenOnly() {
        return ECSGEN_ONLY.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlap")
    void validatorAlsoReportsError(String name) throws IOException {
        assertThat(errorsByFile().getOrDefault(name, List.of())).as("cloudformation-validate errors for %s", name).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ecsgenOnly")
    void validatorReportsNoError(String name) throws IOException {
        assertThat(errorsByFile().getOrDefault(name, List.of())).as("cloudformation-validate errors for %s", name).isEmpty();
    }

    @Test
    void everyCorpusFileIsClassified() throws IOException {
        List<String> files = ValidateCorpusTest.corpus().map(file -> file.getFileName().toString()).toList();

        assertThat(Stream.concat(OVERLAP.stream(), ECSGEN_ONLY.stream())).containsExactlyInAnyOrderElementsOf(files);
    }
}
