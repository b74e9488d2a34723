package dev.ecsgen.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.check.spec.ResourceSpecification;
import dev.ecsgen.engine.template.TemplateFile;
import dev.ecsgen.engine.template.TemplateReader;
import dev.ecsgen.engine.testing.ExternalCheckers;
import dev.ecsgen.engine.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every template of {@code validate-corpus/}, each broken in one way, and compares the findings with the
 * rows of {@code expected.tsv}: file, rule, severity, JSON pointer and line. Files named {@code spec-*} need the
 * CloudFormation resource specification; every file is checked with it when it is available, so the other files
 * must also be free of resource specification findings.
 */
class ValidateCorpusTest {
    static final Path CORPUS = Golden.projectDir().resolve("core/engine/src/test/resources/validate-corpus");

    /** Returns the expected findings by file name, each as {@code rule<TAB>severity<TAB>path<TAB>line}. */
    static Map<String, List<String>> expected() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            assertThat(columns).as("columns of expected.tsv row %s", line).hasSize(5);
            rows.computeIfAbsent(columns[0], file -> new ArrayList<>())
                    .add(String.join("\t", columns[1], columns[2], columns[3], columns[4]));
        }
        return rows;
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.toString().matches(".*\\.(json|yaml)$")).sorted().toList().stream();
        }
    }

    static List<String> actual(Path file, Optional<ResourceSpecification> specification) {
        TemplateFile template = TemplateReader.read(file);
        TemplateChecker checker = specification.map(TemplateChecker::standard).orElseGet(TemplateChecker::standard);
        return checker.check(template).stream()
                .map(finding -> String.join("\t", finding.rule(), finding.severity().label(), finding.path(),
                        String.valueOf(finding.line())))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void yieldsExactlyExpectedFindings(Path file) throws IOException {
        String name = file.getFileName().toString();
        Optional<ResourceSpecification> specification = ExternalCheckers.resourceSpecification();
        if (name.startsWith("spec-")) {
            ExternalCheckers.assumeAvailable("the CloudFormation resource specification", specification.isPresent());
        }
        List<String> expected = expected().getOrDefault(name, List.of());
        assertThat(expected).as("rows of expected.tsv for %s", name).isNotEmpty();

        assertThat(actual(file, specification)).as("findings of %s", name).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Path> goldenTemplates() throws IOException {
        try (Stream<Path> files = Files.list(Golden.projectDir().resolve("core/engine/src/test/resources/golden"))) {
            return files.filter(file -> file.toString().matches(".*\\.(json|yaml)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenTemplates")
    void goldenTemplateHasNoFindings(Path file) {
        assertThat(actual(file, ExternalCheckers.resourceSpecification())).isEmpty();
    }

    @Test
    void docsNameEveryRule() throws IOException {
        String docs = Files.readString(Golden.projectDir().resolve("docs/validate.md"), StandardCharsets.UTF_8);
        for (String rule : RuleIds.ALL) {
            assertThat(docs).as("docs/validate.md").contains("`" + rule + "`");
        }
    }

    @Test
    void everyExpectedFileExists() throws IOException {
        for (String name : expected().keySet()) {
            assertThat(CORPUS.resolve(name)).as("corpus file named in expected.tsv").isRegularFile();
        }
    }

    @Test
    void coversEveryRuleId() throws IOException {
        List<String> rules = expected().values().stream().flatMap(List::stream)
                .map(row -> row.substring(0, row.indexOf('\t'))).distinct().sorted().toList();
        assertThat(rules).containsExactlyInAnyOrder(RuleIds.ALL.toArray(String[]::new));
    }
}
