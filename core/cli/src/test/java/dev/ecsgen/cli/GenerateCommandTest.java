package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final String PUBLIC_ONLY = """
            name: public-only
            tasks:
              - name: web
                containers:
                  - name: app
                    image: quay.io/exampleorg/app:1.0
            """;

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path example(String name) {
        Path current = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(current.resolve("examples"))) {
            current = current.getParent();
        }
        return current.resolve("examples").resolve(name);
    }

    @Test
    void referenceToStdout() throws IOException {
        CliRun run = CliRun.of("generate", example("reference.yaml").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode template = new ObjectMapper().readTree(run.out());
        assertThat(template.path("Resources").has("LaunchTemplate")).isTrue();
        assertThat(template.path("Parameters").path("DockerHubPassword").path("NoEcho").asBoolean()).isTrue();
    }

    @Test
    void noSpecGeneratesBuiltInReference() {
        CliRun builtIn = CliRun.of("generate");
        CliRun fromFile = CliRun.of("generate", example("reference.yaml").toString());

        assertThat(builtIn.exitCode()).isZero();
        assertThat(builtIn.out()).isEqualTo(fromFile.out());
    }

    @Test
    void outputFileWrittenAndReplaced() throws IOException {
        Path target = folder.resolve("stack.json");
        Files.writeString(target, "old");

        CliRun run = CliRun.of("generate", example("reference.yaml").toString(), "-o", target.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(target)).startsWith("{\n  \"AWSTemplateFormatVersion\"");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void yamlFormat() {
        CliRun run = CliRun.of("generate", "--format", "yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("AWSTemplateFormatVersion: 2010-09-09\n").contains("Fn::Base64:");
    }

    @Test
    void unknownKeyIsInvalidInput() throws IOException {
        Path spec = write("bad.yaml", PUBLIC_ONLY.replace("image:", "imgae:"));

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + spec + ":6:9: unknown key 'imgae' in tasks[0].containers[0]:"
                + " did you mean 'image'? Expected one of cpu, environment, essential, image, memory, name,"
                + " portMappings, private\n");
    }

    @Test
    void missingSpecFileIsInvalidInput() {
        CliRun run = CliRun.of("generate", folder.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("missing.yaml: spec file not found");
    }

    @Test
    void imageWithoutCredentialsWarns() throws IOException {
        Path spec = write("public.yaml", PUBLIC_ONLY);

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: " + spec + ":6:16: container app in task web pulls"
                + " quay.io/exampleorg/app:1.0 from quay.io, and no registry in the spec has credentials for it");
    }

    @Test
    void imageWithoutCredentialsFailsWhenStrict() throws IOException {
        Path spec = write("public.yaml", PUBLIC_ONLY);
        Path target = folder.resolve("stack.json");

        CliRun run = CliRun.of("generate", "--strict", spec.toString(), "-o", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).contains("drop --strict if the image is public");
        assertThat(target).doesNotExist();
    }

    @Test
    void privateImageWithoutCredentialsFails() throws IOException {
        Path spec = write("private.yaml", PUBLIC_ONLY + "        private: true\n");

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("add a 'registries' entry for quay.io");
    }

    @Test
    void misspelledPluginIdsGetSuggestions() throws IOException {
        Path spec = write("misspelled.yaml", PUBLIC_ONLY + "ami:\n  source: ecs-optimised\nregistries:\n"
                + "  - type: dockerhbu\n");

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("invalid value 'ecs-optimised' for ami.source:"
                + " expected one of the AMI sources the loaded plugins provide: ecs-optimized, region-map"
                + " (did you mean 'ecs-optimized'?)");
        assertThat(run.err()).contains("invalid value 'dockerhbu' for registries[0].type:"
                + " expected one of the registry types the loaded plugins provide: dockerhub, quay, selfhosted"
                + " (did you mean 'dockerhub'?)");
    }

    @Test
    void unknownRegistryTypeListsKnownTypes() throws IOException {
        Path spec = write("unknown.yaml", PUBLIC_ONLY + "registries:\n  - type: nexus\n");

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(spec + ":8:11: invalid value 'nexus' for registries[0].type:"
                + " expected one of the registry types the loaded plugins provide: dockerhub");
    }

    @Test
    void outputToDirectoryFailsAndLeavesNothing() throws IOException {
        Path target = Files.createDirectory(folder.resolve("out"));

        CliRun run = CliRun.of("generate", "-o", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(target + ": is a directory");
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void outputInMissingFolderFails() {
        Path target = folder.resolve("no/such/stack.json");

        CliRun run = CliRun.of("generate", "-o", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void batchWritesGoodSpecsAndReportsBadOnes() throws IOException {
        Path specs = Files.createDirectory(folder.resolve("specs"));
        Files.copy(example("reference.yaml"), specs.resolve("a.yaml"));
        Files.writeString(specs.resolve("b.yaml"), "name: [\n");
        Files.copy(example("reference.yaml"), specs.resolve("c.yml"));
        Path out = folder.resolve("out");

        CliRun run = CliRun.of("generate", specs.toString(), "--out-dir", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.resolve("a.json")).exists();
        assertThat(out.resolve("c.json")).exists();
        assertThat(out.resolve("b.json")).doesNotExist();
        assertThat(run.err()).contains("b.yaml").contains("generated 2 of 3 stacks into " + out + "; 1 failed");
    }

    @Test
    void batchReportsErrorsInSpecOrder() throws IOException {
        Path specs = Files.createDirectory(folder.resolve("specs"));
        for (int i = 0; i < 12; i++) {
            Path spec = specs.resolve(String.format("s%02d.yaml", i));
            if (i % 4 == 1) {
                Files.writeString(spec, "name: [\n");
            } else {
                Files.copy(example("reference.yaml"), spec);
            }
        }
        Path out = folder.resolve("out");

        CliRun run = CliRun.of("generate", specs.toString(), "--out-dir", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        List<String> failedSpecs = run.err().lines()
                .filter(line -> line.startsWith("error: "))
                .map(line -> line.replaceFirst("^error: .*(s\\d\\d\\.yaml).*$", "$1"))
                .toList();
        assertThat(failedSpecs).containsExactly("s01.yaml", "s05.yaml", "s09.yaml");
        assertThat(run.err()).endsWith("generated 9 of 12 stacks into " + out + "; 3 failed" + System.lineSeparator());
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written.map(path -> path.getFileName().toString()).sorted().toList())
                    .containsExactly("s00.json", "s02.json", "s03.json", "s04.json", "s06.json", "s07.json",
                            "s08.json", "s10.json", "s11.json");
        }
        assertThat(out.resolve("s11.json")).hasSameTextualContentAs(out.resolve("s00.json"));
    }

    @Test
    void batchFragmentErrorNamesEachSpec() throws IOException {
        Path specs = Files.createDirectories(folder.resolve("fragment-specs"));
        Files.copy(example("reference.yaml"), specs.resolve("a.yaml"));
        Files.copy(example("reference.yaml"), specs.resolve("b.yaml"));
        Path fragments = Files.createDirectories(folder.resolve("broken-fragments"));
        Files.writeString(fragments.resolve("cluster.ftl"), "{\n<#if stack.name>\n");

        CliRun run = CliRun.of("generate", specs.toString(), "--out-dir", folder.resolve("out").toString(),
                "--fragments", fragments.toString(), "--quiet");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        List<String> errors = run.err().lines().filter(line -> line.startsWith("error: ")).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("error: " + specs.resolve("a.yaml") + ": fragment " + fragments.resolve("cluster.ftl") + ":");
        assertThat(errors.get(1)).startsWith("error: " + specs.resolve("b.yaml") + ": fragment " + fragments.resolve("cluster.ftl") + ":");
    }

    @Test
    void manySpecsNeedOutDir() {
        CliRun run = CliRun.of("generate", example("reference.yaml").toString(), example("reference.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("2 specs given: use --out-dir DIR");
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRun run = CliRun.of("generate", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void batchRejectsSpecsWritingOneFile() throws IOException {
        Path prod = Files.createDirectories(folder.resolve("prod"));
        Path dev = Files.createDirectories(folder.resolve("dev"));
        Files.copy(example("reference.yaml"), prod.resolve("cluster.yaml"));
        Files.copy(example("reference.yaml"), dev.resolve("cluster.yaml"));
        Path out = folder.resolve("out");

        CliRun run = CliRun.of("generate", prod.resolve("cluster.yaml").toString(), dev.resolve("cluster.yaml").toString(),
                "--out-dir", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("would both write " + out.resolve("cluster.json"));
        assertThat(out.resolve("cluster.json")).doesNotExist();
    }

    @Test
    void yamlOutputNameSelectsYaml() throws IOException {
        Path target = folder.resolve("stack.yml");

        CliRun run = CliRun.of("generate", "-o", target.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(target)).startsWith("AWSTemplateFormatVersion: 2010-09-09\n");
    }

    @Test
    void replacedFileKeepsItsPermissions() throws IOException {
        Path target = folder.resolve("stack.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Path fresh = folder.resolve("fresh.json");

        assertThat(CliRun.of("generate", "-o", target.toString()).exitCode()).isZero();
        assertThat(CliRun.of("generate", "-o", fresh.toString()).exitCode()).isZero();

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-rw-r--");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void imageWithSchemeSaysRemoveIt() throws IOException {
        Path spec = write("scheme.yaml", PUBLIC_ONLY.replace("quay.io/exampleorg/app:1.0", "https://quay.io/exampleorg/app:1.0"));

        CliRun run = CliRun.of("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("an image reference has no scheme such as https://; remove it");
    }
}
