package dev.ecsgen.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsAgentAuthRuleTest {
    private static List<String> findings(String script) {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        ObjectNode data = template.putObject("Resources").putObject("Host").put("Type", "AWS::EC2::Instance")
                .putObject("Properties").putObject("UserData");
        data.putObject("Fn::Base64").put("Fn::Sub", script);
        return new TemplateChecker(List.of(new EcsAgentAuthRule())).check("t.json", template, 100).stream()
                .map(finding -> finding.severity().label() + " " + finding.rule() + " " + finding.message())
                .toList();
    }

    @Test
    void secretBackedPrintfFormIsClean() {
        String script = """
                #!/bin/bash
                cat <<'ECSGEN_ECS_CONFIG' >> /etc/ecs/ecs.config
                ECS_CLUSTER=${Cluster}
                ECS_ENGINE_AUTH_TYPE=dockercfg
                ECSGEN_ECS_CONFIG
                printf 'ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"%s"},"https://index.docker.io/v1/":{"auth":"%s"}}\\n' "$a" "$b" >> /etc/ecs/ecs.config
                """;

        assertThat(findings(script)).isEmpty();
    }

    private static String heredoc(String dataLine) {
        return "#!/bin/bash\n"
                + "cat <<'EOF' >> /etc/ecs/ecs.config\n"
                + "ECS_ENGINE_AUTH_TYPE=dockercfg\n"
                + dataLine + "\n"
                + "EOF\n";
    }

    @Test
    void strayClosingQuoteIsAnError() {
        List<String> found = findings(heredoc("ECS_ENGINE_AUTH_DATA={\"https://index.docker.io/v1/\":{\"auth\":\"${HubAuth}\"}}\""));

        assertThat(found).containsExactly("error ecs-config-quoted user data line 4: ECS_ENGINE_AUTH_DATA ends with a"
                + " quote, which ecs.config keeps as part of the value, so the agent cannot read the JSON and pulls"
                + " without credentials; remove the quote");
    }

    @Test
    void strayOpeningQuoteIsAnError() {
        List<String> found = findings(heredoc("ECS_ENGINE_AUTH_DATA=\"{\"quay.io\":{\"auth\":\"${QuayAuth}\"}}"));

        assertThat(found).singleElement().asString().startsWith("error ecs-config-quoted user data line 4:"
                + " ECS_ENGINE_AUTH_DATA starts with a quote");
    }

    @Test
    void textAfterTheObjectIsAnError() {
        List<String> found = findings(heredoc("ECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"${QuayAuth}\"}} {}"));

        assertThat(found).containsExactly("error ecs-auth-json user data line 4: ECS_ENGINE_AUTH_DATA has text after"
                + " its JSON object, at column 57 of the line; the agent ignores the value and pulls without credentials");
    }

    @Test
    void printfArgumentIsChecked() {
        String script = "#!/bin/bash\n"
                + "echo ECS_ENGINE_AUTH_TYPE=dockercfg >> /etc/ecs/ecs.config\n"
                + "printf 'ECS_ENGINE_AUTH_DATA=%s\\n' '{\"Quay.IO/org\":{\"auth\":\"${QuayAuth}\"}}' >> /etc/ecs/ecs.config\n";

        assertThat(findings(script)).filteredOn(finding -> !finding.contains("ecs-config-writer")).singleElement()
                .asString().startsWith("warning ecs-auth-key user data line 3:");
    }

    @Test
    void printfOfShellVariableIsNotChecked() {
        String script = "#!/bin/bash\n"
                + "echo ECS_ENGINE_AUTH_TYPE=dockercfg >> /etc/ecs/ecs.config\n"
                + "printf 'ECS_ENGINE_AUTH_DATA=%s\\n' \"$data\" >> /etc/ecs/ecs.config\n";

        assertThat(findings(script)).noneMatch(finding -> finding.contains("ecs-auth-json"));
    }

    @Test
    void tabStrippedHeredocThroughTee() {
        String script = "#!/bin/bash\n"
                + "cat <<-'EOF' | tee -a /etc/ecs/ecs.config\n"
                + "\tECS_ENGINE_AUTH_TYPE=dockercfg\n"
                + "\tECS_ENGINE_AUTH_DATA={\"Quay.io\":{\"auth\":\"${QuayAuth}\"}}\n"
                + "\tEOF\n"
                + "echo done\n";

        assertThat(findings(script)).containsExactly("warning ecs-auth-key user data line 4: ECS_ENGINE_AUTH_DATA key"
                + " 'Quay.io' matches only images that spell the host with the same upper-case letters, because the agent"
                + " compares hosts case-sensitively. Write it as quay.io");
    }

    @Test
    void heredocToOtherFileIsIgnored() {
        String script = "#!/bin/bash\n"
                + "cat <<EOF > /etc/motd\n"
                + "ECS_ENGINE_AUTH_TYPE=basic\n"
                + "EOF\n";

        assertThat(findings(script)).isEmpty();
    }

    @Test
    void echoWithDoubleQuotesLosesJsonQuotes() {
        String script = "#!/bin/bash\n"
                + "echo ECS_ENGINE_AUTH_TYPE=dockercfg >> /etc/ecs/ecs.config\n"
                + "echo ECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"${QuayAuth}\"}} >> /etc/ecs/ecs.config\n";

        assertThat(findings(script)).containsExactly(
                "error ecs-auth-json user data line 3: ECS_ENGINE_AUTH_DATA is not valid JSON at column 23 of the line;"
                        + " the agent ignores it and pulls without credentials",
                "warning ecs-config-writer user data line 2: echo writes ECS_ENGINE_AUTH_TYPE to ecs.config, but the shell"
                        + " removes quotes and backslashes from its argument and some echo commands expand escapes; write"
                        + " the file with a quoted here-document (cat <<'EOF' >> /etc/ecs/ecs.config)",
                "warning ecs-config-writer user data line 3: echo writes ECS_ENGINE_AUTH_DATA to ecs.config, but the shell"
                        + " removes quotes and backslashes from its argument and some echo commands expand escapes; write"
                        + " the file with a quoted here-document (cat <<'EOF' >> /etc/ecs/ecs.config)");
    }
}
