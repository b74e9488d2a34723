package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManPagesTest {
    private static final List<String> PAGES = List.of("ecsgen.1", "ecsgen-generate.1", "ecsgen-validate.1",
            "ecsgen-preview.1", "ecsgen-plugins.1", "ecsgen-fragments.1", "ecsgen-fragments-list.1",
            "ecsgen-fragments-export.1", "ecsgen-fragments-model.1", "ecsgen-ami.1", "ecsgen-ami-export.1",
            "ecsgen-diagram.1", "ecsgen-schema.1", "ecsgen-init.1", "ecsgen-completion.1", "ecsgen-help.1");

    private static String render(Path page) throws IOException, InterruptedException {
        Process groff = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", page.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(groff.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(groff.exitValue()).as(output).isZero();
        // groff marks bold and underline with backspaces in terminal output.
        return output.replaceAll(".\b", "");
    }

    @Test
    void pageForEveryCommand() {
        Map<String, String> pages = ManPages.pages(Main.commandLine());

        assertThat(pages.keySet()).containsExactlyInAnyOrderElementsOf(PAGES);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            assertThat(page.getValue())
                    .as(page.getKey())
                    .startsWith(".TH " + page.getKey().replace(".1", "").toUpperCase() + " 1 ")
                    .contains(".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH OPTIONS\n");
        }
    }

    @Test
    void generatePageListsOptions() {
        String page = ManPages.pages(Main.commandLine()).get("ecsgen-generate.1");

        assertThat(page)
                .contains(".SH NAME\necsgen\\-generate \\- Generates a CloudFormation template from each stack spec (YAML or JSON)\n")
                .contains(".TP\n\\fB\\-\\-format\\fR \\fIFORMAT\\fR\nTemplate format: JSON, YAML (default: yaml when \\-o names a .yaml or .yml file, json otherwise).\n")
                .contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\n")
                .contains(".SH \"SEE ALSO\"\n\\fBecsgen\\fR(1)\n");
        assertThat(page).doesNotContain("${");
    }

    @Test
    void rootPageListsCommandsAndExitStatus() {
        String page = ManPages.pages(Main.commandLine()).get("ecsgen.1");

        assertThat(page).contains(".SH COMMANDS\n", ".TP\n\\fBdiagram\\fR\n", ".SH \"EXIT STATUS\"\n",
                ".TP\n.B 2\ninvalid usage or input, or an unwritable output; nothing was written\n");
    }

    @Test
    void groffRendersEveryPage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(DiagramCommand.findOnPath("groff").isPresent(),
                "groff is not on PATH, so the man pages are checked for structure only");
        List<Path> written = ManPages.write(dir);

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrderElementsOf(PAGES);
        for (Path page : written) {
            String text = render(page);
            assertThat(text).as(page.toString()).contains("NAME", "SYNOPSIS", "OPTIONS").doesNotContain("\\-", "\\f");
        }
        assertThat(render(dir.resolve("ecsgen-diagram.1")))
                .contains("ecsgen-diagram - Draws the resources of a CloudFormation template")
                .contains("--svg FILE");
    }
}
