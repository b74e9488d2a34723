package dev.ecsgen.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ecsgen.engine.image.ImageReference;
import dev.ecsgen.engine.preview.AgentAuthData;
import dev.ecsgen.engine.preview.EcsConfig;
import dev.ecsgen.engine.preview.UserDataConfigExtractor;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the user data of a generated template in real bash with credentials that contain shell, JSON and
 * config-file metacharacters, and checks that the ECS agent would read back exactly the credentials that went in.
 *
 * <p>Parameter-backed credentials go in as parameter values resolved by {@link IntrinsicResolver}. Secret-backed
 * credentials come from a stand-in {@code aws} command on PATH that prints a JSON secret this class writes. A first
 * run with plain values finds out which parameters or secret feed which {@code ECS_ENGINE_AUTH_DATA} key.
 */
public final class AgentBoot {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECRET_ARN = Pattern.compile("arn:[a-z-]+:secretsmanager:[^\\s'\"]+");

    private AgentBoot() {
    }

    /** The parameters or secret that feed one agent key. */
    public record Source(String usernameParameter, String passwordParameter, String secretArn) {
    }

    /**
     * Boots every launch template of {@code template} with {@code username} and {@code password} behind each
     * agent-level credential and asserts that the agent reads them back unchanged.
     *
     * @return whether the template had any agent-level credential to check
     */
    public static boolean assertAgentReadsBack(JsonNode template, String username, String password, Path folder)
            throws Exception {
        List<String> launchTemplates = launchTemplates(template);
        boolean checked = false;
        if (launchTemplates.isEmpty()) {
            return false;
        }

        for (String launchTemplate : launchTemplates) {
            Map<String, Source> sources = discoverSources(template, launchTemplate, folder.resolve("baseline"));
            if (sources.isEmpty()) {
                continue;
            }
            checked = true;

            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String[]> secrets = new LinkedHashMap<>();
            for (Source source : sources.values()) {
                if (source.secretArn() != null) {
                    secrets.put(source.secretArn(), new String[] {username, password});
                } else {
                    values.put(source.usernameParameter(), username);
                    values.put(source.passwordParameter(), password);
                }
            }
            Map<String, String> parameters = parameterValues(template, values);
            assertThat(new IntrinsicResolver(template, parameters, PseudoParameters.defaults()).validateParameters())
                    .as("parameter problems").isEmpty();

            String script = userData(template, launchTemplate, parameters);
            String written = runScript(script, secrets, folder.resolve("hostile"));
            AgentAuthData auth = AgentAuthData.from(EcsConfig.parse(written));

            assertThat(auth.problems()).as("agent auth problems").isEmpty();
            for (Map.Entry<String, Source> source : sources.entrySet()) {
                AgentAuthData.Credentials credentials = auth.credentials().stream()
                        .filter(entry -> entry.key().equals(source.getKey())).findFirst().orElseThrow();
                assertThat(credentials.username()).as("username under %s", source.getKey()).isEqualTo(username);
                assertThat(credentials.password()).as("password under %s", source.getKey()).isEqualTo(password);
            }
            for (ImageReference image : agentPulledImages(template, parameters)) {
                if (auth.matchingKey(image).isEmpty()) {
                    continue;
                }
                AgentAuthData.Credentials used = auth.credentialsFor(image).orElseThrow();
                assertThat(used.username()).as("username for %s", image).isEqualTo(username);
                assertThat(used.password()).as("password for %s", image).isEqualTo(password);
            }

            String expected = UserDataConfigExtractor.extract(script).configText();
            for (Map.Entry<String, String[]> secret : secrets.entrySet()) {
                String auth64 = base64(secret.getValue()[0] + ":" + secret.getValue()[1]);
                expected = expected.replace(AgentAuthData.secretPlaceholder(secret.getKey()), auth64);
            }
            assertThat(written).as("config written by bash versus the static extraction").isEqualTo(expected);
        }
        return checked;
    }

    /** Runs the script once with plain values and maps each agent key to the parameters or secret behind it. */
    public static Map<String, Source> discoverSources(JsonNode template, String launchTemplate, Path folder)
            throws Exception {
        Map<String, String> marked = new LinkedHashMap<>();
        template.path("Parameters").fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Username") || name.endsWith("Password")) {
                marked.put(name, "marker-" + name);
            }
        });
        Map<String, String> parameters = parameterValues(template, marked);
        String script = userData(template, launchTemplate, parameters);
        if (!script.startsWith("#!")) {
            // TOML user data (Bottlerocket) configures no agent-level credentials; the planner rejects them there.
            return Map.of();
        }
        // The markers name the secret by index, because the agent splits username:password at the first ':'.
        Map<String, String[]> secrets = new LinkedHashMap<>();
        List<String> arnList = new ArrayList<>();
        Matcher arns = SECRET_ARN.matcher(script);
        while (arns.find()) {
            if (!arnList.contains(arns.group())) {
                arnList.add(arns.group());
                secrets.put(arns.group(), new String[] {"marker-secret-" + (arnList.size() - 1), "marker-password"});
            }
        }
        AgentAuthData auth = AgentAuthData.from(EcsConfig.parse(runScript(script, secrets, folder)));
        assertThat(auth.problems()).as("agent auth problems with plain values").isEmpty();

        Map<String, Source> sources = new LinkedHashMap<>();
        for (AgentAuthData.Credentials credentials : auth.credentials()) {
            String username = credentials.username();
            if (username.startsWith("marker-secret-")) {
                int index = Integer.parseInt(username.substring("marker-secret-".length()));
                sources.put(credentials.key(), new Source(null, null, arnList.get(index)));
            } else if (username.startsWith("marker-")) {
                String passwordParameter = credentials.password().substring("marker-".length());
                sources.put(credentials.key(), new Source(username.substring("marker-".length()), passwordParameter, null));
            }
        }
        return sources;
    }

    public static String userData(JsonNode template, String launchTemplate, Map<String, String> parameters) {
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameters, PseudoParameters.defaults());
        String pointer = "/Resources/" + launchTemplate + "/Properties/LaunchTemplateData/UserData";
        return new String(Base64.getDecoder().decode(resolver.resolveAt(pointer).textValue()), StandardCharsets.UTF_8);
    }

    /**
     * Runs the script in bash with /etc/ecs moved into the folder and a stand-in aws command, and returns the
     * config file it writes.
     */
    public static String runScript(String script, Map<String, String[]> secrets, Path folder) throws Exception {
        Path etcEcs = folder.resolve("etc-ecs");
        Path bin = folder.resolve("bin");
        Files.createDirectories(bin);
        writeFakeAws(bin, secrets);
        Path scriptFile = folder.resolve("user-data.sh");
        Files.writeString(scriptFile, script.replace("/etc/ecs", etcEcs.toString()), StandardCharsets.UTF_8);

        ProcessBuilder builder = new ProcessBuilder("/bin/bash", scriptFile.toString())
                .redirectErrorStream(true)
                .directory(folder.toFile());
        // A bare environment, as at boot, so that $HOME or any other variable the script expands is unset.
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("user data finished within 60 s").isTrue();
        assertThat(process.exitValue()).as("user data exit code; output: %s", output).isZero();
        return Files.readString(etcEcs.resolve("ecs.config"), StandardCharsets.UTF_8);
    }

    /** Writes an aws command that prints the JSON secret for {@code --secret-id} and fails for any other id. */
    private static void writeFakeAws(Path bin, Map<String, String[]> secrets) throws IOException {
        StringBuilder script = new StringBuilder("""
                #!/bin/bash
                # Stand-in for the AWS CLI: prints the SecretString of the secret given by --secret-id.
                id=
                while [ $# -gt 0 ]; do
                  if [ "$1" = --secret-id ]; then id=$2; fi
                  shift
                done
                case "$id" in
                """);
        int index = 0;
        for (Map.Entry<String, String[]> secret : secrets.entrySet()) {
            Path file = bin.resolve("secret-" + index++ + ".json");
            Map<String, String> body = new LinkedHashMap<>();
            body.put("username", secret.getValue()[0]);
            body.put("password", secret.getValue()[1]);
            Files.writeString(file, JSON.writeValueAsString(body) + "\n", StandardCharsets.UTF_8);
            script.append("  '").append(secret.getKey()).append("') cat '").append(file).append("' ;;\n");
        }
        script.append("  *) echo \"aws: secret $id not found\" >&2; exit 254 ;;\nesac\n");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, script.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public static List<String> launchTemplates(JsonNode template) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::EC2::LaunchTemplate")
                    && resource.getValue().path("Properties").path("LaunchTemplateData").has("UserData")) {
                names.add(resource.getKey());
            }
        }
        return names;
    }

    /** Returns the images of containers without RepositoryCredentials, which the agent's credentials pull. */
    public static Set<ImageReference> agentPulledImages(JsonNode template, Map<String, String> parameters) {
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameters, PseudoParameters.defaults());
        Set<ImageReference> images = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            if (!resource.getValue().path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                continue;
            }
            JsonNode containers = resolver.resolveAt("/Resources/" + resource.getKey() + "/Properties/ContainerDefinitions");
            for (JsonNode container : containers) {
                if (!container.has("RepositoryCredentials")) {
                    images.add(ImageReference.parse(container.path("Image").asText()));
                }
            }
        }
        return images;
    }

    /**
     * Returns a fixed value for every parameter that has no {@code Default}, chosen by its type and name, then the
     * overrides.
     */
    public static Map<String, String> parameterValues(JsonNode template, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : template.path("Parameters").properties()) {
            if (parameter.getValue().has("Default")) {
                continue;
            }
            String name = parameter.getKey();
            String type = parameter.getValue().path("Type").asText();
            if (type.equals("AWS::EC2::VPC::Id")) {
                values.put(name, "vpc-0a1b2c3d4e5f60718");
            } else if (type.equals("List<AWS::EC2::Subnet::Id>")) {
                values.put(name, "subnet-0a1b2c3d4e5f60718,subnet-1a2b3c4d5e6f70819");
            } else if (name.endsWith("Username")) {
                values.put(name, "example-" + name.toLowerCase(java.util.Locale.ROOT));
            } else if (name.endsWith("Password")) {
                values.put(name, "Preview-" + name + "-1");
            } else {
                values.put(name, "example-" + name);
            }
        }
        values.putAll(overrides);
        return values;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
