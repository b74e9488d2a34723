package dev.ecsgen.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.preview.UserDataConfigExtractor.Extraction;
import dev.ecsgen.engine.preview.UserDataConfigExtractor.Level;
import dev.ecsgen.engine.preview.UserDataConfigExtractor.Observation;
import dev.ecsgen.engine.preview.UserDataConfigExtractor.WriterKind;
import org.junit.jupiter.api.Test;

class UserDataConfigExtractorTest {
    @Test
    void quotedHereDocumentKeepsBytes() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                #!/bin/bash
                cat <<'EOF' >> /etc/ecs/ecs.config
                ECS_CLUSTER=web
                ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"$x`id`\\"}}
                EOF
                echo done
                """);

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\nECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"$x`id`\\\"}}\n");
        assertThat(extraction.sourceLines()).containsExactly(3, 4);
        assertThat(extraction.observations()).containsExactly(new Observation(2, WriterKind.QUOTED_HEREDOC, Level.INFO,
                "quoted here-document (delimiter 'EOF') appends 2 lines; bash writes them byte for byte."));
    }

    @Test
    void doubleQuotedAndEscapedDelimitersCountAsQuoted() {
        Extraction extraction = UserDataConfigExtractor.extract(
                "cat > /etc/ecs/ecs.config <<\"END\"\nA=$1\nEND\ncat <<\\END >>/etc/ecs/ecs.config\nB=$2\nEND\n");

        assertThat(extraction.configText()).isEqualTo("A=$1\nB=$2\n");
        assertThat(extraction.observations()).extracting(Observation::kind)
                .containsExactly(WriterKind.QUOTED_HEREDOC, WriterKind.QUOTED_HEREDOC);
        assertThat(extraction.observations().get(0).message()).startsWith("quoted here-document (delimiter 'END')"
                + " replaces the file with 1 line");
    }

    @Test
    void unquotedHereDocumentReportsExpansion() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                CLUSTER=web
                cat <<EOF >> /etc/ecs/ecs.config
                ECS_CLUSTER=$CLUSTER
                ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"$AUTH"}}
                EOF
                """);

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\nECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"$AUTH\"}}\n");
        assertThat(extraction.observations()).containsExactly(new Observation(2, WriterKind.UNQUOTED_HEREDOC,
                Level.WARNING, "unquoted here-document (delimiter 'EOF') appends 2 lines; bash expands $, backticks and"
                        + " \\ on script lines 4, so the bytes written differ from the text shown. Quote the delimiter"
                        + " (<<'EOF')."));
    }

    @Test
    void unquotedHereDocumentWithoutExpansionIsInfo() {
        Extraction extraction = UserDataConfigExtractor.extract("cat <<EOF >> /etc/ecs/ecs.config\nECS_CLUSTER=web\nEOF\n");

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\n");
        assertThat(extraction.observations()).singleElement().satisfies(observation -> {
            assertThat(observation.kind()).isEqualTo(WriterKind.UNQUOTED_HEREDOC);
            assertThat(observation.level()).isEqualTo(Level.INFO);
        });
    }

    @Test
    void dashHereDocumentStripsTabs() {
        Extraction extraction = UserDataConfigExtractor.extract("cat <<-'EOF' >> /etc/ecs/ecs.config\n\tECS_CLUSTER=web\n\tEOF\n");

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\n");
    }

    @Test
    void hereDocumentToOtherFileIsSkipped() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                cat <<'EOF' > /etc/motd
                echo ECS_CLUSTER=wrong >> /etc/ecs/ecs.config
                EOF
                """);

        assertThat(extraction.configText()).isEmpty();
        assertThat(extraction.writesConfig()).isFalse();
    }

    @Test
    void shiftInsideQuotesIsNoHereDocument() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                python3 -c 'print(1<<2)'
                echo $((1 << 2)) > /tmp/x
                echo ECS_CLUSTER=web >> /etc/ecs/ecs.config
                """);

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\n");
    }

    @Test
    void unterminatedHereDocumentIsReported() {
        Extraction extraction = UserDataConfigExtractor.extract("cat <<'EOF' >> /etc/ecs/ecs.config\nECS_CLUSTER=web\n");

        assertThat(extraction.observations()).first().satisfies(observation -> {
            assertThat(observation.level()).isEqualTo(Level.WARNING);
            assertThat(observation.message()).startsWith("here-document has no closing line 'EOF'");
        });
    }

    @Test
    void echoRemovesQuotes() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                echo ECS_CLUSTER=web >> /etc/ecs/ecs.config
                echo 'ECS_ENGINE_AUTH_TYPE=dockercfg' >> /etc/ecs/ecs.config
                echo "ECS_ENGINE_AUTH_DATA={\\"quay.io\\":{\\"auth\\":\\"$AUTH\\"}}" >> /etc/ecs/ecs.config
                """);

        assertThat(extraction.configText()).isEqualTo("ECS_CLUSTER=web\nECS_ENGINE_AUTH_TYPE=dockercfg\n"
                + "ECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"$AUTH\"}}\n");
        assertThat(extraction.sourceLines()).containsExactly(1, 2, 3);
        assertThat(extraction.observations()).extracting(Observation::kind)
                .containsExactly(WriterKind.ECHO, WriterKind.ECHO, WriterKind.ECHO);
        assertThat(extraction.observations().get(0).level()).isEqualTo(Level.INFO);
        assertThat(extraction.observations().get(2)).isEqualTo(new Observation(3, WriterKind.ECHO, Level.WARNING,
                "echo appends 1 line after bash removes quotes and expands variables. A quoted here-document keeps"
                        + " every byte of a value. Bash expands $AUTH at boot, shown as written."));
    }

    @Test
    void printfInsertsSecretVariables() {
        String arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:quay-AbCdEf";
        Extraction extraction = UserDataConfigExtractor.extract("""
                auth=$(aws secretsmanager get-secret-value --secret-id %s --query SecretString --output text)
                printf 'ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"%%s"}}\\n' "$auth" >> /etc/ecs/ecs.config
                """.formatted(arn));

        assertThat(extraction.configText())
                .isEqualTo("ECS_ENGINE_AUTH_DATA={\"quay.io\":{\"auth\":\"<from secret " + arn + ">\"}}\n");
        assertThat(extraction.sourceLines()).containsExactly(2);
        assertThat(extraction.observations()).containsExactly(
                new Observation(1, WriterKind.SECRET_VARIABLE, Level.INFO, "$auth is read from secret " + arn + " at boot."),
                new Observation(2, WriterKind.PRINTF, Level.INFO, "printf appends 1 line."));
    }

    @Test
    void printfReusesFormatAndHandlesPercent() {
        Extraction extraction = UserDataConfigExtractor.extract("printf '%s=%s 100%%\\n' A 1 B 2 >> /etc/ecs/ecs.config\n");

        assertThat(extraction.configText()).isEqualTo("A=1 100%\nB=2 100%\n");
    }

    @Test
    void ecsgenSecretFunctionIsRecognized() {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf";
        Extraction extraction = UserDataConfigExtractor.extract("ecsgen_auth_0=$(ecsgen_secret_auth '" + arn + "')\n"
                + "printf 'X=%s\\n' \"$ecsgen_auth_0\" >> /etc/ecs/ecs.config\n");

        assertThat(extraction.configText()).isEqualTo("X=<from secret " + arn + ">\n");
    }

    @Test
    void otherWritersAreUnrecognized() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                sed -i 's/^ECS_CLUSTER=.*/ECS_CLUSTER=web/' /etc/ecs/ecs.config
                echo ECS_CLUSTER=web | tee -a /etc/ecs/ecs.config
                grep ECS_CLUSTER /etc/ecs/ecs.config
                """);

        assertThat(extraction.configText()).isEmpty();
        assertThat(extraction.observations()).extracting(Observation::line, Observation::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, WriterKind.UNRECOGNIZED),
                org.assertj.core.groups.Tuple.tuple(2, WriterKind.UNRECOGNIZED));
    }

    @Test
    void overwriteDropsEarlierLines() {
        Extraction extraction = UserDataConfigExtractor.extract("""
                echo A=1 >> /etc/ecs/ecs.config
                echo B=2 > /etc/ecs/ecs.config
                """);

        assertThat(extraction.configText()).isEqualTo("B=2\n");
        assertThat(extraction.sourceLines()).containsExactly(2);
    }
}
