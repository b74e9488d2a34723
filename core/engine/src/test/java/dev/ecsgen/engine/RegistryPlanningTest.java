package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the planner checks registries against each other and against the images: duplicate keys and ids,
 * images without credentials, unknown plugin ids, and where {@code kmsKeyArn} is allowed.
 */
class RegistryPlanningTest {
    private static final String KMS_KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:pull-AbCdEf";
    private static final String TASKS = """
            tasks:
              - name: app
                containers:
                  - name: app
                    image: nginx:1.27
            """;

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    private static GeneratedStack generate(String spec, boolean strict) {
        StackGenerator generator = new StackGenerator(plugins, new GenerateOptions(
                OutputFormat.JSON, strict, List.of(), null));
        return generator.generate(new SpecLoader().parse("spec.yaml", null, spec));
    }

    private static void assertFails(String spec, boolean strict, int exitCode, String message) {
        assertThatThrownBy(() -> generate(spec, strict))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(message)
                .extracting(e -> ((EcsgenException) e).exitCode()).isEqualTo(exitCode);
    }

    @Test
    void twoDockerHubEntriesConflict() {
        assertFails("""
                name: dup
                registries:
                  - type: dockerhub
                  - type: quay
                  - type: dockerhub
                    id: SecondHub
                """ + TASKS, false, 2,
                "spec.yaml:5:5: registries[2] (dockerhub) and registries[0] (dockerhub, spec.yaml:3:5) both"
                        + " authenticate registry https://index.docker.io/v1/: keep one entry per registry");
    }

    @Test
    void sameSelfHostedHostConflicts() {
        assertFails("""
                name: dup
                registries:
                  - type: selfhosted
                    host: registry.example.com:5000
                    auth: task
                  - type: selfhosted
                    host: registry.example.com:5000
                    id: Again
                """ + TASKS, false, 2,
                "spec.yaml:6:5: registries[1] (selfhosted) and registries[0] (selfhosted, spec.yaml:3:5) both"
                        + " authenticate registry registry.example.com:5000: keep one entry per registry");
    }

    @Test
    void hostsWithAndWithoutPortAreDifferentRegistries() {
        GeneratedStack stack = generate("""
                name: ports
                registries:
                  - type: selfhosted
                    host: registry.example.com
                  - type: selfhosted
                    host: registry.example.com:5000
                tasks:
                  - name: app
                    containers:
                      - name: plain
                        image: registry.example.com/team/app:1
                        private: true
                      - name: port
                        image: registry.example.com:5000/team/app:1
                        private: true
                """, true);

        JsonNode parameters = stack.template().path("Parameters");
        assertThat(parameters.has("RegistryExampleComUsername")).isTrue();
        assertThat(parameters.has("RegistryExampleCom5000Username")).isTrue();
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void derivedIdsThatCollideConflict() {
        assertFails("""
                name: ids
                registries:
                  - type: selfhosted
                    host: registry.example.com:5000
                  - type: selfhosted
                    host: registry-example.com:5000
                """ + TASKS, false, 2,
                "spec.yaml:5:5: registries[1] (selfhosted) and registries[0] (selfhosted, spec.yaml:3:5) both use"
                        + " the id RegistryExampleCom5000: set a different 'id' on one of them");
    }

    @Test
    void imageWithoutCredentialsWarns() {
        GeneratedStack stack = generate("""
                name: anon
                registries:
                  - type: quay
                tasks:
                  - name: app
                    containers:
                      - name: internal
                        image: registry.example.com:5000/team/app:1
                """, false);

        assertThat(stack.warnings()).containsExactly("spec.yaml:8:16: container internal in task app pulls"
                + " registry.example.com:5000/team/app:1 from registry.example.com:5000, and no registry in the spec"
                + " has credentials for it; it is pulled anonymously, which works only for a public image");
    }

    @Test
    void imageWithoutCredentialsFailsWhenStrict() {
        assertFails("""
                name: anon
                tasks:
                  - name: app
                    containers:
                      - name: web
                        image: nginx:1.27
                """, true, 1,
                "spec.yaml:6:16: container web in task app pulls nginx:1.27 from docker.io, and no registry in the"
                        + " spec has credentials for it: add a 'registries' entry for docker.io, or drop --strict if"
                        + " the image is public");
    }

    @Test
    void privateImageWithoutCredentialsFails() {
        assertFails("""
                name: anon
                registries:
                  - type: dockerhub
                tasks:
                  - name: app
                    containers:
                      - name: api
                        image: quay.io/exampleorg/api:2
                        private: true
                """, false, 1,
                "spec.yaml:8:16: container api in task app pulls quay.io/exampleorg/api:2 from quay.io, and no"
                        + " registry in the spec has credentials for it: add a 'registries' entry for quay.io");
    }

    @Test
    void unknownRegistryTypeListsAvailableTypes() {
        assertFails("""
                name: unknown
                registries:
                  - type: harbor
                    host: harbor.example.com
                """ + TASKS, false, 2,
                "spec.yaml:3:11: invalid value 'harbor' for registries[0].type: expected one of the registry types"
                        + " the loaded plugins provide: dockerhub, quay, selfhosted");
    }

    @Test
    void unknownAmiSourceListsAvailableSources() {
        assertFails("""
                name: unknown
                ami:
                  source: bottlerocket
                """ + TASKS, false, 2,
                "spec.yaml:3:11: invalid value 'bottlerocket' for ami.source: expected one of the AMI sources the"
                        + " loaded plugins provide: ecs-optimized, region-map");
    }

    @Test
    void kmsKeyWithoutSecretFails() {
        assertFails("""
                name: kms
                registries:
                  - type: dockerhub
                    kmsKeyArn: %s
                """.formatted(KMS_KEY) + TASKS, false, 2,
                "spec.yaml:4:16: kmsKeyArn '" + KMS_KEY + "' has no secret to decrypt, because this agent-level"
                        + " registry takes its credentials from parameters: set secretArn to the secret the key"
                        + " encrypts, use auth: task so the stack creates a secret encrypted with this key, or remove"
                        + " kmsKeyArn");
    }

    @Test
    void kmsKeyInOtherRegionFails() {
        String secret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pull-AbCdEf";
        assertFails("""
                name: kms
                registries:
                  - type: dockerhub
                    auth: task
                    secretArn: %s
                    kmsKeyArn: %s
                """.formatted(secret, KMS_KEY) + TASKS, false, 2,
                "spec.yaml:6:16: kmsKeyArn '" + KMS_KEY + "' is in region eu-west-1 (partition aws), but secretArn is"
                        + " in region us-east-1 (partition aws): use the key that encrypts that secret, which is in"
                        + " the secret's region");
    }

    @Test
    void kmsKeyWithAgentSecretGrantsDecrypt() {
        GeneratedStack stack = generate("""
                name: kms
                registries:
                  - type: dockerhub
                    secretArn: %s
                    kmsKeyArn: %s
                """.formatted(SECRET, KMS_KEY) + TASKS, true);

        JsonNode statements = stack.template()
                .at("/Resources/InstanceRole/Properties/Policies/0/PolicyDocument/Statement");
        assertThat(statements.toString()).isEqualTo("[{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                + "\"Resource\":[\"" + SECRET + "\"]},{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],"
                + "\"Resource\":[\"" + KMS_KEY + "\"]}]");
        assertThat(stack.template().path("Resources").has("TaskExecutionRole")).isFalse();
    }

    @Test
    void kmsKeyEncryptsSecretTheStackCreates() {
        GeneratedStack stack = generate("""
                name: kms
                registries:
                  - type: dockerhub
                    auth: task
                    kmsKeyArn: %s
                """.formatted(KMS_KEY) + TASKS, true);

        JsonNode secret = stack.template().at("/Resources/DockerHubCredentials/Properties");
        assertThat(secret.path("KmsKeyId").asText()).isEqualTo(KMS_KEY);
        JsonNode statements = stack.template()
                .at("/Resources/TaskExecutionRole/Properties/Policies/0/PolicyDocument/Statement");
        assertThat(statements.toString()).isEqualTo("[{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                + "\"Resource\":[{\"Ref\":\"DockerHubCredentials\"}]},{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],"
                + "\"Resource\":[\"" + KMS_KEY + "\"]}]");
        assertThat(stack.template().at("/Resources/AppTaskDefinition/Properties/ContainerDefinitions/0"
                + "/RepositoryCredentials/CredentialsParameter").toString()).isEqualTo("{\"Ref\":\"DockerHubCredentials\"}");
    }

    @Test
    void nonArnSecretValueIsHidden() {
        assertFails("""
                name: arn
                registries:
                  - type: dockerhub
                    secretArn: dckr_pat_0123456789abcdef
                """ + TASKS, false, 2,
                "spec.yaml:4:16: invalid value for registries[0].secretArn (not shown, because it does not start with"
                        + " 'arn:' and may be a credential): expected a Secrets Manager secret ARN such as"
                        + " arn:aws:secretsmanager:eu-west-1:111122223333:secret:quay-AbCdEf");
    }
}
