package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecsgen fragments list|export|model} and {@code generate --profile}, run in process. */
class FragmentsCommandTest {
    private static final String SPEC = """
            name: demo
            tasks:
              - name: web
                containers:
                  - name: app
                    image: nginx:1.27
            """;

    @TempDir
    Path dir;

    /** The exit code and output of one command line. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void listShowsLayersAndOverrides() throws IOException {
        Path org = Files.createDirectories(dir.resolve("org"));
        Files.writeString(org.resolve("outputs.ftl"), "{}");
        Files.writeString(org.resolve("log-group.ftl"), "{}");
        Run result = run("fragments", "list", "--fragments", org.toString());
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.subList(0, 3)).containsExactly(
                "Layers, highest first:",
                "  1. --fragments " + org + ": 2 files",
                "  2. built-in: 15 files");
        String layer = "--fragments " + org;
        int layerWidth = layer.length() + 2;
        assertThat(lines).contains(
                String.format("%-24s%-16s%-" + layerWidth + "s%s", "NAME", "KIND", "LAYER", "OVERRIDES"),
                String.format("%-24s%-16s%-" + layerWidth + "s%s", "lib/cfn.ftl", "library", "built-in", "-"),
                String.format("%-24s%-16s%-" + layerWidth + "s%s", "outputs.ftl", "fragment", layer, "built-in"),
                String.format("%-24s%-16s%s", "log-group.ftl", "added fragment", layer + "  -"));
        assertThat(lines.get(lines.size() - 1)).startsWith("log-group.ftl");
    }

    @Test
    void exportCopiesBuiltInsAndRefusesToOverwrite() throws IOException {
        Path target = dir.resolve("exported");
        Run first = run("fragments", "export", target.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("exported 16 files to " + target
                + "; edit them, delete the ones you keep as they are, and pass --fragments " + target + "\n");
        List<String> files;
        try (Stream<Path> walk = Files.walk(target)) {
            files = walk.filter(Files::isRegularFile).map(file -> target.relativize(file).toString()).sorted().toList();
        }
        assertThat(files).contains("index.txt", "lib/cfn.ftl", "lib/hooks.ftl", "lib/userdata.ftl", "task-definition.ftl").hasSize(16);
        assertThat(Files.readString(target.resolve("index.txt"))).contains("task-definition.ftl\n");

        Files.writeString(target.resolve("outputs.ftl"), "{}");
        Run second = run("fragments", "export", target.toString());
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).isEqualTo("error: " + target.resolve("index.txt") + ": already exists: export to a new folder,"
                + " or add --force to overwrite the built-in files in " + target + "\n");
        assertThat(Files.readString(target.resolve("outputs.ftl"))).isEqualTo("{}");

        Run forced = run("fragments", "export", "--force", target.toString());
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(target.resolve("outputs.ftl"))).startsWith("{\n  \"Outputs\"");
    }

    @Test
    void exportedFolderGeneratesSameTemplate() {
        Path target = dir.resolve("exported");
        assertThat(run("fragments", "export", target.toString()).exitCode()).isZero();
        Run builtIn = run("generate", "-q");
        Run exported = run("generate", "-q", "--fragments", target.toString());
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out()).isEqualTo(builtIn.out());
    }

    @Test
    void modelPrintsDeterministicJsonWithProfile() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path profile = Files.writeString(dir.resolve("profile.yaml"), "defaults:\n  namePrefix: acme-\ntags:\n  owner: platform\n");
        Run first = run("fragments", "model", spec.toString(), "--profile", profile.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("{\n  \"stack\" : {\n    \"name\" : \"acme-demo\",\n");
        assertThat(first.out()).contains("\"tags\" : {\n    \"owner\" : \"platform\"\n  }\n}\n");
        assertThat(first.out()).contains("\"instanceRole\" : {\n    \"statements\" : [ ]\n  }");
        assertThat(run("fragments", "model", spec.toString(), "--profile", profile.toString()).out()).isEqualTo(first.out());
    }

    @Test
    void modelOfMissingSpecIsInvalidInput() {
        Path missing = dir.resolve("missing.yaml");
        Run result = run("fragments", "model", missing.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + missing + ": spec file not found\n");
    }

    @Test
    void generateAppliesProfileRules() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path profile = Files.writeString(dir.resolve("profile.yaml"), "rules:\n  allowedInstanceTypes: [m6i.large]\n");
        Run result = run("generate", spec.toString(), "--profile", profile.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: " + spec + " (no cluster.instanceType; ecsgen's default): cluster.instanceType"
                + " 't3.micro' breaks rule allowedInstanceTypes of profile " + profile + ":2:3, which allows m6i.large:"
                + " set cluster.instanceType to a matching type\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void fragmentsWithoutSubcommandIsUsageError() {
        Run result = run("fragments");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("missing subcommand: try 'ecsgen fragments list', 'ecsgen fragments export DIR'"
                + " or 'ecsgen fragments model SPEC'");
    }
}
