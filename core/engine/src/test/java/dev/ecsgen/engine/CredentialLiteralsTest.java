package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.OutputFormat;
import dev.ecsgen.engine.write.TemplateSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds recognizable credential values through every credential form of every bundled registry type.
 * No value may show up as a literal in the generated template, in its resolved outputs, or in any warning,
 * finding or error message. Where a value must reach the stack (base64 in the agent config, or the
 * SecretString of a secret the stack creates), the test checks that it appears there and nowhere else.
 */
class CredentialLiteralsTest {
    private static final String USERNAME = "MarkerUser7Q";
    private static final String PASSWORD = "MarkerPass9Z";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:pull-AbCdEf";
    private static final String KMS_KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    @ParameterizedTest(name = "{0} auth {1}, secret {2}")
    @CsvSource({
        "dockerhub, agent, false", "dockerhub, agent, true", "dockerhub, task, false", "dockerhub, task, true",
        "quay, agent, false", "quay, agent, true", "quay, task, false", "quay, task, true",
        "selfhosted, agent, false", "selfhosted, agent, true", "selfhosted, task, false", "selfhosted, task, true",
    })
    void credentialsAppearOnlyWhereTheyBelong(String type, String auth, boolean secretBacked) {
        GeneratedStack stack = generate(spec(type, auth, secretBacked));
        String id = switch (type) {
            case "dockerhub" -> "DockerHub";
            case "quay" -> "Quay";
            default -> "RegistryExampleCom5000";
        };

        for (OutputFormat format : OutputFormat.values()) {
            assertThat(TemplateSerializer.write(stack.template(), format)).doesNotContain(USERNAME, PASSWORD);
        }
        assertThat(messages(stack)).doesNotContain(USERNAME, PASSWORD);

        IntrinsicResolver resolver = new IntrinsicResolver(stack.template(), parameters(stack, id, USERNAME, PASSWORD),
                PseudoParameters.defaults());
        assertThat(resolver.validateParameters()).isEmpty();
        JsonNode resolved = resolver.resolve(stack.template());
        assertThat(resolved.path("Outputs").toString()).doesNotContain(USERNAME, PASSWORD);

        List<String> literalPaths = new ArrayList<>();
        collectPathsContaining(resolved, "", literalPaths);
        String userData = new String(Base64.getDecoder().decode(
                resolved.at("/Resources/LaunchTemplate/Properties/LaunchTemplateData/UserData").asText()),
                StandardCharsets.UTF_8);
        assertThat(userData).doesNotContain(USERNAME, PASSWORD);
        String encoded = Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        if (auth.equals("task") && !secretBacked) {
            assertThat(literalPaths).containsExactly("/Resources/" + id + "Credentials/Properties/SecretString");
            assertThat(resolved.at("/Resources/" + id + "Credentials/Properties/SecretString").asText())
                    .isEqualTo("{\"username\":\"" + USERNAME + "\",\"password\":\"" + PASSWORD + "\"}");
        } else {
            assertThat(literalPaths).isEmpty();
        }
        if (auth.equals("agent") && !secretBacked) {
            assertThat(userData).contains("{\"auth\":\"" + encoded + "\"}");
        } else {
            assertThat(userData).doesNotContain(encoded);
        }
    }

    @ParameterizedTest(name = "value {index}")
    @ValueSource(strings = {"MarkerBad\"Pass", "MarkerBad\\Pass", "MarkerBad\nPass", ""})
    void rejectedParameterValuesStayOutOfMessages(String badValue) {
        for (String auth : List.of("agent", "task")) {
            GeneratedStack stack = generate(spec("quay", auth, false));
            Map<String, String> values = parameters(stack, "Quay", "Marker:User" + badValue, badValue);

            List<String> problems = new IntrinsicResolver(stack.template(), values, PseudoParameters.defaults())
                    .validateParameters();

            assertThat(problems).as("problems with %s-level values", auth).isNotEmpty();
            assertThat(String.join("\n", problems)).doesNotContain("Marker");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "password: MarkerPass9Z",
        "username: MarkerUser7Q",
        "token: MarkerPass9Z",
        "auth: MarkerPass9Z",
        "secretArn: MarkerPass9Z",
        "kmsKeyArn: MarkerPass9Z",
        "secretArn: MarkerPass9Z\n    kmsKeyArn: MarkerUser7Q",
    })
    void misplacedCredentialsStayOutOfErrors(String field) {
        String spec = """
                name: misplaced
                registries:
                  - type: quay
                    %s
                tasks:
                  - name: app
                    containers:
                      - name: app
                        image: quay.io/exampleorg/app:1
                """.formatted(field);

        assertThatThrownBy(() -> generate(spec))
                .isInstanceOf(EcsgenException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("spec.yaml:4:")
                .doesNotContain(USERNAME, PASSWORD);
    }

    private static String spec(String type, String auth, boolean secretBacked) {
        String image = switch (type) {
            case "dockerhub" -> "exampleorg/app:1";
            case "quay" -> "quay.io/exampleorg/app:1";
            default -> "registry.example.com:5000/team/app:1";
        };
        return """
                name: literals
                registries:
                  - type: %s
                    auth: %s
                %s%s
                tasks:
                  - name: app
                    containers:
                      - name: app
                        image: %s
                        private: true
                """.formatted(type, auth,
                type.equals("selfhosted") ? "    host: registry.example.com:5000\n" : "",
                secretBacked ? "    secretArn: " + SECRET_ARN + "\n    kmsKeyArn: " + KMS_KEY_ARN : "",
                image);
    }

    private static GeneratedStack generate(String spec) {
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        return generator.generate(new SpecLoader().parse("spec.yaml", null, spec));
    }

    /** Returns values for every parameter without a default, with the credentials of registry {@code id}. */
    private static Map<String, String> parameters(GeneratedStack stack, String id, String username, String password) {
        Map<String, String> values = new HashMap<>();
        values.put("VpcId", "vpc-0123456789abcdef0");
        values.put("Subnets", "subnet-0123456789abcdef0,subnet-0fedcba9876543210");
        if (stack.template().path("Parameters").has(id + "Username")) {
            values.put(id + "Username", username);
            values.put(id + "Password", password);
        }
        return values;
    }

    private static List<String> messages(GeneratedStack stack) {
        List<String> messages = new ArrayList<>(stack.warnings());
        for (Finding finding : stack.findings()) {
            messages.add(finding.toString());
        }
        return messages;
    }

    /** Collects the JSON pointers of text values that contain either credential. */
    private static void collectPathsContaining(JsonNode node, String path, List<String> paths) {
        if (node.isTextual()) {
            if (node.asText().contains(USERNAME) || node.asText().contains(PASSWORD)) {
                paths.add(path);
            }
            return;
        }
        for (var field : node.properties()) {
            collectPathsContaining(field.getValue(), path + "/" + field.getKey(), paths);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectPathsContaining(node.get(i), path + "/" + i, paths);
        }
    }
}
