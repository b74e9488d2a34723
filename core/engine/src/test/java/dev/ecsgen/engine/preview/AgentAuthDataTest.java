package dev.ecsgen.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AgentAuthDataTest {
    private static String auth(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesDockercfg() {
        String data = "{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("robot:pa:ss") + "\",\"email\":\"x\"}}";

        AgentAuthData decoded = AgentAuthData.decode("dockercfg", data);

        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.credentials()).containsExactly(new AgentAuthData.Credentials(
                "https://index.docker.io/v1/", "robot", "pa:ss", auth("robot:pa:ss"), null));
    }

    @Test
    void decodesDockerForm() {
        String data = "{\"quay.io\":{\"username\":\"team+bot\",\"password\":\"p\\\"w\"}}";

        AgentAuthData decoded = AgentAuthData.decode("docker", data);

        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.credentials()).containsExactly(new AgentAuthData.Credentials("quay.io", "team+bot", "p\"w", null, null));
    }

    @Test
    void matchesFieldNamesCaseInsensitively() {
        AgentAuthData decoded = AgentAuthData.decode("docker", "{\"quay.io\":{\"Username\":\"u\",\"PASSWORD\":\"p\"}}");

        assertThat(decoded.credentials().get(0).username()).isEqualTo("u");
        assertThat(decoded.credentials().get(0).password()).isEqualTo("p");
    }

    @Test
    void rejectsUnknownType() {
        AgentAuthData decoded = AgentAuthData.decode("'dockercfg'", "{}");

        assertThat(decoded.credentials()).isEmpty();
        assertThat(decoded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.failure()).isEqualTo(AgentAuthData.Failure.UNKNOWN_TYPE);
            assertThat(problem.key()).isNull();
            assertThat(problem.message()).isEqualTo("ECS_ENGINE_AUTH_TYPE ''dockercfg'' is not 'docker' or 'dockercfg',"
                    + " so the agent ignores the auth data and pulls anonymously. Use one of those two values, without"
                    + " quotes.");
        });
    }

    @Test
    void rejectsInvalidJsonWithoutQuotingIt() {
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", "'{\"quay.io\":{\"auth\":\"c2VjcmV0OnB3\"}}'");

        assertThat(decoded.credentials()).isEmpty();
        assertThat(decoded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.failure()).isEqualTo(AgentAuthData.Failure.INVALID_JSON);
            assertThat(problem.message()).startsWith("ECS_ENGINE_AUTH_DATA is invalid for type 'dockercfg' because it"
                    + " is not valid JSON (error at character 1)");
            assertThat(problem.message()).doesNotContain("c2VjcmV0OnB3");
        });
    }

    @Test
    void rejectsTrailingText() {
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", "{} x");

        assertThat(decoded.problems()).extracting(AgentAuthData.Problem::failure)
                .containsExactly(AgentAuthData.Failure.INVALID_JSON);
    }

    @Test
    void rejectsAuthsWrapper() {
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", "{\"auths\":{\"quay.io\":{\"auth\":\"" + auth("u:p") + "\"}}}");

        assertThat(decoded.credentials()).isEmpty();
        assertThat(decoded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.failure()).isEqualTo(AgentAuthData.Failure.INVALID_JSON);
            assertThat(problem.message()).contains("{\"auths\": {...}} wrapper");
        });
    }

    @Test
    void rejectsBase64WithoutPadding() {
        String data = "{\"quay.io\":{\"auth\":\"dTpwdw\"},\"ghcr.io\":{\"auth\":\"" + auth("u:p") + "\"}}";

        AgentAuthData decoded = AgentAuthData.decode("dockercfg", data);

        assertThat(decoded.credentials()).extracting(AgentAuthData.Credentials::key).containsExactly("ghcr.io");
        assertThat(decoded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.failure()).isEqualTo(AgentAuthData.Failure.INVALID_BASE64);
            assertThat(problem.key()).isEqualTo("quay.io");
        });
        assertThat(decoded.keys()).containsExactly("quay.io", "ghcr.io");
    }

    @Test
    void rejectsUrlSafeBase64() {
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", "{\"quay.io\":{\"auth\":\"" + "dTo-Pz8_" + "\"}}");

        assertThat(decoded.problems()).extracting(AgentAuthData.Problem::failure)
                .containsExactly(AgentAuthData.Failure.INVALID_BASE64);
    }

    @Test
    void rejectsAuthWithoutColon() {
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", "{\"quay.io\":{\"auth\":\"" + auth("token-only") + "\"}}");

        assertThat(decoded.credentials()).isEmpty();
        assertThat(decoded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.failure()).isEqualTo(AgentAuthData.Failure.MISSING_COLON);
            assertThat(problem.message()).isEqualTo("The decoded auth of key 'quay.io' has no ':', so the agent drops"
                    + " this key and pulls its images anonymously. Encode username:password.");
        });
    }

    @Test
    void reportsMissingTypeAndData() {
        assertThat(AgentAuthData.decode(null, "{}").problems()).extracting(AgentAuthData.Problem::failure)
                .containsExactly(AgentAuthData.Failure.MISSING_TYPE);
        assertThat(AgentAuthData.decode("docker", null).problems()).extracting(AgentAuthData.Problem::failure)
                .containsExactly(AgentAuthData.Failure.MISSING_DATA);
        assertThat(AgentAuthData.decode(null, null).configured()).isFalse();
    }

    @Test
    void rejectsNonStringPassword() {
        AgentAuthData decoded = AgentAuthData.decode("docker", "{\"quay.io\":{\"username\":\"u\",\"password\":7}}");

        assertThat(decoded.credentials()).isEmpty();
        assertThat(decoded.problems()).extracting(AgentAuthData.Problem::failure)
                .containsExactly(AgentAuthData.Failure.INVALID_JSON);
    }

    @Test
    void choosesCredentialsForImage() {
        String data = "{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hub:1") + "\"},"
                + "\"quay.io/other\":{\"auth\":\"" + auth("path:2") + "\"},"
                + "\"quay.io\":{\"auth\":\"" + auth("host:3") + "\"}}";
        AgentAuthData decoded = AgentAuthData.decode("dockercfg", data);

        assertThat(decoded.credentialsFor(ImageReference.parse("nginx")).orElseThrow().username()).isEqualTo("hub");
        assertThat(decoded.credentialsFor(ImageReference.parse("quay.io/team/app")).orElseThrow().username())
                .isEqualTo("host");
        assertThat(decoded.credentialsFor(ImageReference.parse("quay.io/other/app")).orElseThrow().username())
                .isEqualTo("path");
        assertThat(decoded.credentialsFor(ImageReference.parse("ghcr.io/team/app"))).isEmpty();
    }

    @Test
    void keepsSecretPlaceholder() {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf";
        String data = "{\"quay.io\":{\"auth\":\"" + AgentAuthData.secretPlaceholder(arn) + "\"}}";

        AgentAuthData decoded = AgentAuthData.decode("dockercfg", data);

        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.credentials()).singleElement()
                .satisfies(credentials -> assertThat(credentials.secretArn()).isEqualTo(arn));
    }

    @Test
    void masksPasswordInToString() {
        AgentAuthData.Credentials credentials = new AgentAuthData.Credentials("quay.io", "u", "hunter2", null, null);

        assertThat(credentials.toString()).isEqualTo("Credentials[key=quay.io, username=u, password=****(7)]");
    }
}
