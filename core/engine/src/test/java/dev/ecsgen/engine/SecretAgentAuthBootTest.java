package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the generated user data with bash, as cloud-init would, and reads the resulting ECS agent config the
 * way the agent does. A stand-in {@code aws} command on PATH prints the secret string for
 * {@code secretsmanager get-secret-value} of an expected secret ARN in its own region, and fails for anything
 * else. A temporary folder replaces {@code /etc/ecs}.
 */
class SecretAgentAuthBootTest {
    private static final String QUAY_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ecsgen/quay-robot-AbCdEf";
    private static final String HUB_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:dockerhub-Zz9Yy8";
    private static final String INTERNAL_ARN = "arn:aws:secretsmanager:us-west-2:444455556666:secret:internal-pull-Qw12Er";
    private static final String USER_DATA = "/Resources/LaunchTemplate/Properties/LaunchTemplateData/UserData";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    @TempDir
    Path dir;

    /** Registry credentials as the agent decodes them. */
    private record Credentials(String username, String password) {
    }

    /** The outcome of one boot: the exit code, stderr and the agent config the script wrote. */
    private record Boot(int exitCode, String stderr, String config) {
    }

    @Test
    void multiRegistryExampleMergesEveryKey() throws Exception {
        GeneratedStack stack = generate(Golden.projectDir().resolve("examples/multi-registry.yaml"));
        Map<String, String> parameters = Map.of(
                "DockerHubUsername", "hub-user", "DockerHubPassword", "hub pass with spaces",
                "InternalUsername", "ci", "InternalPassword", "internal:pass");
        String secret = secretJson("exampleorg+deploybot", "Quay-Token/0123+abc=");

        Boot boot = boot(userData(stack, parameters), Map.of(QUAY_ARN, secret));

        assertThat(boot.stderr()).isEmpty();
        assertThat(boot.exitCode()).isZero();
        Map<String, String> config = readConfig(boot.config());
        assertThat(config).containsEntry("ECS_CLUSTER", "ecsgen-preview-Cluster");
        assertThat(config).containsEntry("ECS_ENGINE_AUTH_TYPE", "dockercfg");
        Map<String, Credentials> auth = authData(config);
        assertThat(auth).containsOnlyKeys("https://index.docker.io/v1/", "quay.io", "registry.example.com:5000");
        assertThat(auth.get("https://index.docker.io/v1/")).isEqualTo(new Credentials("hub-user", "hub pass with spaces"));
        assertThat(auth.get("quay.io")).isEqualTo(new Credentials("exampleorg+deploybot", "Quay-Token/0123+abc="));
        assertThat(auth.get("registry.example.com:5000")).isEqualTo(new Credentials("ci", "internal:pass"));
    }

    @Test
    void threeSecretsInTwoRegions() throws Exception {
        GeneratedStack stack = generate("""
                name: secrets-only
                registries:
                  - type: dockerhub
                    secretArn: %s
                  - type: quay
                    secretArn: %s
                  - type: selfhosted
                    host: 10.0.0.5:5000
                    secretArn: %s
                tasks:
                  - name: app
                    containers:
                      - name: hub
                        image: exampleorg/app:1
                      - name: quay
                        image: quay.io/exampleorg/app:1
                      - name: internal
                        image: 10.0.0.5:5000/team/app:1
                """.formatted(HUB_ARN, QUAY_ARN, INTERNAL_ARN));
        String hostilePassword = "p%s'\"\\$(touch pwned)`id`\u00e4:;{}";
        Map<String, String> secrets = Map.of(
                HUB_ARN, secretJson("hubuser", "hub-token"),
                QUAY_ARN, secretJson("exampleorg+deploybot", "quay-token"),
                INTERNAL_ARN, secretJson("internal", hostilePassword));

        Boot boot = boot(userData(stack, Map.of()), secrets);

        assertThat(boot.stderr()).isEmpty();
        assertThat(boot.exitCode()).isZero();
        assertThat(dir.resolve("pwned")).doesNotExist();
        Map<String, Credentials> auth = authData(readConfig(boot.config()));
        assertThat(auth).containsOnlyKeys("https://index.docker.io/v1/", "quay.io", "10.0.0.5:5000");
        assertThat(auth.get("https://index.docker.io/v1/")).isEqualTo(new Credentials("hubuser", "hub-token"));
        assertThat(auth.get("quay.io")).isEqualTo(new Credentials("exampleorg+deploybot", "quay-token"));
        assertThat(auth.get("10.0.0.5:5000")).isEqualTo(new Credentials("internal", hostilePassword));
    }

    @Test
    void unreadableSecretFailsBootButKeepsCluster() throws Exception {
        GeneratedStack stack = generate(Golden.projectDir().resolve("examples/multi-registry.yaml"));
        Map<String, String> parameters = Map.of(
                "DockerHubUsername", "u", "DockerHubPassword", "p", "InternalUsername", "u", "InternalPassword", "p");

        Boot boot = boot(userData(stack, parameters), Map.of(INTERNAL_ARN, secretJson("other", "secret")));

        assertThat(boot.exitCode()).isNotZero();
        assertThat(boot.stderr()).contains("ResourceNotFoundException", QUAY_ARN);
        Map<String, String> config = readConfig(boot.config());
        assertThat(config).containsEntry("ECS_CLUSTER", "ecsgen-preview-Cluster");
        assertThat(config).doesNotContainKey("ECS_ENGINE_AUTH_DATA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"username\":\"robot+x\"} | secret " + QUAY_ARN + " needs the non-empty text fields username and password",
        "{\"username\":\"\",\"password\":\"pw-value-1\"} | secret " + QUAY_ARN + " needs the non-empty text fields username and password",
        "{\"username\":\"robot+x\",\"password\":7} | secret " + QUAY_ARN + " needs the non-empty text fields username and password",
        "[\"robot+x\",\"pw-value-1\"] | secret " + QUAY_ARN + " needs the non-empty text fields username and password",
        "robot+x:pw-value-1 | secret " + QUAY_ARN + " is not JSON: store an object with username and password",
        "{\"username\":\"robot:x\",\"password\":\"pw-value-1\"} | the username in secret " + QUAY_ARN + " contains a colon, which the ECS agent reads as its end",
    })
    void invalidSecretFailsBootWithoutValues(String secret, String message) throws Exception {
        GeneratedStack stack = generate("""
                name: bad-secret
                registries:
                  - type: quay
                    secretArn: %s
                tasks:
                  - name: app
                    containers:
                      - name: quay
                        image: quay.io/exampleorg/app:1
                """.formatted(QUAY_ARN));

        Boot boot = boot(userData(stack, Map.of()), Map.of(QUAY_ARN, secret));

        assertThat(boot.exitCode()).isNotZero();
        assertThat(boot.stderr()).isEqualTo("ecsgen: " + message + "\n");
        assertThat(boot.stderr()).doesNotContain("robot+x", "robot:x", "pw-value-1");
        assertThat(readConfig(boot.config())).doesNotContainKey("ECS_ENGINE_AUTH_DATA");
    }

    private static GeneratedStack generate(Path spec) {
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        return generator.generate(generator.load(spec));
    }

    private static GeneratedStack generate(String spec) {
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        return generator.generate(new SpecLoader().parse("test.yaml", null, spec));
    }

    /** Resolves the launch template's user data with the given parameter values and decodes its base64. */
    private static String userData(GeneratedStack stack, Map<String, String> parameters) {
        IntrinsicResolver resolver = new IntrinsicResolver(stack.template(), parameters, PseudoParameters.defaults());
        JsonNode encoded = resolver.resolveAt(USER_DATA);
        return new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8);
    }

    private static String secretJson(String username, String password) throws IOException {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("username", username);
        secret.put("password", password);
        return JSON.writeValueAsString(secret);
    }

    /**
     * Runs the user data with bash. The stand-in {@code aws} prints the secret string of a known ARN, when asked
     * in the ARN's own region, exactly as {@code --query SecretString --output text} does.
     */
    private Boot boot(String userData, Map<String, String> secretsByArn) throws IOException, InterruptedException {
        Path etcEcs = dir.resolve("etc-ecs");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        StringBuilder cases = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> secret : secretsByArn.entrySet()) {
            Path file = dir.resolve("secret-" + n++ + ".txt");
            Files.writeString(file, secret.getValue(), StandardCharsets.UTF_8);
            String region = secret.getKey().split(":")[3];
            cases.append("  '").append(region).append(' ').append(secret.getKey()).append("') cat '")
                    .append(file).append("'; echo ;;\n");
        }
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/bin/bash
                if [[ $# -ne 10 || "$1 $2 $3 $5 $7 $8 $9 ${10}" != \
                "secretsmanager get-secret-value --region --secret-id --query SecretString --output text" ]]; then
                  echo "stand-in aws: unexpected arguments: $*" >&2
                  exit 2
                fi
                case "$4 $6" in
                %s  *) echo "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: \
                Secrets Manager can't find the specified secret $6 in region $4." >&2; exit 254 ;;
                esac
                """.formatted(cases), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path script = dir.resolve("user-data.sh");
        Files.writeString(script, userData.replace("/etc/ecs", etcEcs.toString()), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(dir.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path stderr = dir.resolve("stderr.txt");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("user data finished within 60 s").isTrue();
        Path config = etcEcs.resolve("ecs.config");
        return new Boot(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8),
                Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "");
    }

    /** Reads ecs.config as the agent does: each line trimmed, split at the first '='. */
    private static Map<String, String> readConfig(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || equals < 0) {
                continue;
            }
            String key = trimmed.substring(0, equals);
            assertThat(values).as("ecs.config sets %s once", key).doesNotContainKey(key);
            values.put(key, trimmed.substring(equals + 1));
        }
        return values;
    }

    /** Decodes ECS_ENGINE_AUTH_DATA in the dockercfg form: base64 of username:password, split at the first ':'. */
    private static Map<String, Credentials> authData(Map<String, String> config) throws IOException {
        assertThat(config).containsKey("ECS_ENGINE_AUTH_DATA");
        JsonNode data = JSON.readTree(config.get("ECS_ENGINE_AUTH_DATA"));
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        for (var entry : data.properties()) {
            String decoded = new String(Base64.getDecoder().decode(entry.getValue().path("auth").asText()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            assertThat(colon).as("auth of %s holds username:password", entry.getKey()).isPositive();
            credentials.put(entry.getKey(), new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        return credentials;
    }
}
