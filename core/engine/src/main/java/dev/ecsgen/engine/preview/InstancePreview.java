package dev.ecsgen.engine.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.JsonPointers;
import dev.ecsgen.engine.image.ImageReference;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.resolve.ResolveException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A preview of the configuration a container instance of a stack receives: for each launch template or launch configuration, the user data
 * script, the {@code /etc/ecs/ecs.config} it writes, the registry credentials the ECS agent decodes from it, and for
 * every container image of every task definition the credentials used to pull it.
 *
 * <p>Values come from {@link IntrinsicResolver}, so parameter values and pseudo parameters are substituted and
 * resources that exist only after deployment appear as its placeholders. Resources whose {@code Condition} is false
 * are skipped. A container's {@code RepositoryCredentials} (task-level credentials) take precedence over the
 * agent's credentials for that container.
 */
public final class InstancePreview {
    static final String LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
    static final String LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";
    static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";

    /** The credentials a container's image is pulled with. */
    public enum PullCredentials {
        /** The container's {@code RepositoryCredentials} secret, read by the task execution role. */
        TASK,
        /** The ECS agent's {@code ECS_ENGINE_AUTH_DATA} entry for the image's registry. */
        AGENT,
        /** None: the pull is anonymous. */
        NONE
    }

    /**
     * One container image and how it is pulled.
     *
     * @param taskDefinition   the logical id of the task definition
     * @param container        the container name
     * @param image            the image as the container definition states it
     * @param registry         the registry host of the image, or null when the image reference is invalid
     * @param agentKey         the first {@code ECS_ENGINE_AUTH_DATA} key the agent matches to the image, or null
     * @param pullCredentials  which credentials are used
     * @param taskSecret       the {@code RepositoryCredentials.CredentialsParameter} value, or null
     * @param agentCredentials the agent's credentials used, or null unless {@code pullCredentials} is AGENT
     * @param note             why the image pulls as it does when that may surprise, or null
     */
    public record ImageRow(String taskDefinition, String container, String image, String registry, String agentKey,
                           PullCredentials pullCredentials, String taskSecret,
                           AgentAuthData.Credentials agentCredentials, String note) {
    }

    /**
     * The preview of one launch template or launch configuration.
     *
     * @param logicalId    the resource's logical id
     * @param resourceType its CloudFormation type
     * @param script       the decoded user data script, or null when the resource has no user data
     * @param note         a remark about the user data, such as text that is not base64, or null
     * @param extraction   how the script writes the config file
     * @param auth         the agent's registry credentials from that file
     * @param images       every container image as instances of this resource pull it
     */
    public record Instances(String logicalId, String resourceType, String script, String note,
                            UserDataConfigExtractor.Extraction extraction, AgentAuthData auth, List<ImageRow> images) {
        public Instances {
            images = List.copyOf(images);
        }

        /** Returns the config as the agent parses it. */
        public EcsConfig config() {
            return extraction.config();
        }
    }

    /**
     * The preview of a whole template.
     *
     * @param pseudo    the pseudo parameters used
     * @param instances one entry per launch template or launch configuration, in template order
     * @param images    every container image as an instance without agent credentials pulls it
     * @param secrets   the texts to mask in output: passwords, auth values and NoEcho parameter values
     */
    public record Result(PseudoParameters pseudo, List<Instances> instances, List<ImageRow> images, Set<String> secrets,
                         List<String> missingParameters) {
        public Result {
            instances = List.copyOf(instances);
            images = List.copyOf(images);
            secrets = Set.copyOf(secrets);
            missingParameters = List.copyOf(missingParameters);
        }

        /** Renders the preview as text; see {@link PreviewReport}. */
        public String render(boolean showSecrets) {
            return PreviewReport.render(this, showSecrets);
        }
    }

    private record Container(String taskDefinition, String name, String image, String taskSecret) {
    }

    private final JsonNode template;
    private final Map<String, String> parameterValues;
    private final IntrinsicResolver resolver;

    private InstancePreview(JsonNode template, Map<String, String> parameterValues, PseudoParameters pseudo) {
        this.template = template;
        this.parameterValues = parameterValues;
        this.resolver = new IntrinsicResolver(template, parameterValues, pseudo).placeholdersForMissingParameters();
    }

    /**
     * Builds the preview. Parameter values are not validated here; call
     * {@link IntrinsicResolver#validateGivenParameters()} first to reject invalid ones. A parameter without a value
     * or {@code Default} that the user data, a condition or a container definition needs becomes the placeholder
     * {@code <Name>} and is listed in {@link Result#missingParameters()}, so a caller can report them all at once.
     *
     * @throws ResolveException when a needed value cannot be resolved
     */
    public static Result build(JsonNode template, Map<String, String> parameterValues, PseudoParameters pseudo) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(pseudo, "pseudo");
        return new InstancePreview(template, Map.copyOf(parameterValues), pseudo).build(pseudo);
    }

    private Result build(PseudoParameters pseudo) {
        List<Container> containers = containers();
        Set<String> secrets = new LinkedHashSet<>(noEchoValues());
        List<Instances> instances = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            String type = resource.getValue().path("Type").asText();
            if (!type.equals(LAUNCH_TEMPLATE) && !type.equals(LAUNCH_CONFIGURATION) || !created(resource.getValue())) {
                continue;
            }
            Instances preview = instances(resource.getKey(), type, containers);
            for (AgentAuthData.Credentials credentials : preview.auth().credentials()) {
                if (credentials.secretArn() != null) {
                    continue;
                }
                secrets.add(credentials.password());
                if (credentials.auth() != null) {
                    secrets.add(credentials.auth());
                }
            }
            instances.add(preview);
        }
        List<ImageRow> anonymous = rows(containers, AgentAuthData.decode(null, null));
        // Usernames are shown, even when their parameter is NoEcho, unless they are also a password.
        Set<String> passwords = new LinkedHashSet<>();
        for (Instances preview : instances) {
            preview.auth().credentials().forEach(credentials -> passwords.add(credentials.password()));
        }
        for (Instances preview : instances) {
            for (AgentAuthData.Credentials credentials : preview.auth().credentials()) {
                if (!passwords.contains(credentials.username())) {
                    secrets.remove(credentials.username());
                }
            }
        }
        secrets.remove("");
        return new Result(pseudo, instances, anonymous, secrets, resolver.missingParametersUsed());
    }

    private Instances instances(String logicalId, String type, List<Container> containers) {
        String pointer = "/Resources/" + JsonPointers.escape(logicalId) + "/Properties"
                + (type.equals(LAUNCH_TEMPLATE) ? "/LaunchTemplateData/UserData" : "/UserData");
        if (template.at(pointer).isMissingNode()) {
            UserDataConfigExtractor.Extraction empty = UserDataConfigExtractor.extract("");
            AgentAuthData none = AgentAuthData.decode(null, null);
            return new Instances(logicalId, type, null, "The resource has no UserData, so the instances keep the"
                    + " AMI's default " + EcsConfig.PATH + ".", empty, none, rows(containers, none));
        }
        JsonNode userData = resolver.resolveAt(pointer);
        String text = userData.isValueNode() ? userData.asText() : userData.toString();
        String script;
        String note = null;
        try {
            script = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            script = text;
            note = "UserData is not base64, but EC2 expects base64. Wrap the script in Fn::Base64.";
        }
        UserDataConfigExtractor.Extraction extraction = UserDataConfigExtractor.extract(script);
        AgentAuthData auth = AgentAuthData.from(extraction.config());
        return new Instances(logicalId, type, script, note, extraction, auth, rows(containers, auth));
    }

    private List<ImageRow> rows(List<Container> containers, AgentAuthData auth) {
        List<ImageRow> rows = new ArrayList<>();
        for (Container container : containers) {
            rows.add(row(container, auth));
        }
        return rows;
    }

    private static ImageRow row(Container container, AgentAuthData auth) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(container.image());
        } catch (IllegalArgumentException e) {
            PullCredentials pull = container.taskSecret() != null ? PullCredentials.TASK : PullCredentials.NONE;
            return new ImageRow(container.taskDefinition(), container.name(), container.image(), null, null, pull,
                    container.taskSecret(), null, e.getMessage());
        }
        String key = auth.matchingKey(reference).orElse(null);
        Optional<AgentAuthData.Credentials> agent = auth.credentialsFor(reference);
        if (container.taskSecret() != null) {
            String note = agent.isPresent() ? "RepositoryCredentials take precedence over the agent's key "
                    + agent.get().key() : null;
            return new ImageRow(container.taskDefinition(), container.name(), container.image(), reference.registry(),
                    key, PullCredentials.TASK, container.taskSecret(), null, note);
        }
        if (agent.isPresent()) {
            return new ImageRow(container.taskDefinition(), container.name(), container.image(), reference.registry(),
                    agent.get().key(), PullCredentials.AGENT, null, agent.get(), null);
        }
        String note = null;
        if (key != null) {
            note = auth.problemFor(key).map(AgentAuthData.Problem::message).orElse(null);
        } else if (!auth.problems().isEmpty() && auth.problems().get(0).key() == null) {
            note = "The agent ignores its auth data: " + auth.problems().get(0).failure();
        }
        return new ImageRow(container.taskDefinition(), container.name(), container.image(), reference.registry(),
                key, PullCredentials.NONE, null, null, note);
    }

    private List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            if (!resource.getValue().path("Type").asText().equals(TASK_DEFINITION) || !created(resource.getValue())) {
                continue;
            }
            String pointer = "/Resources/" + JsonPointers.escape(resource.getKey()) + "/Properties/ContainerDefinitions";
            if (template.at(pointer).isMissingNode()) {
                continue;
            }
            for (JsonNode definition : resolver.resolveAt(pointer)) {
                JsonNode secret = definition.path("RepositoryCredentials").path("CredentialsParameter");
                containers.add(new Container(resource.getKey(), definition.path("Name").asText(""),
                        definition.path("Image").asText(""), secret.isValueNode() ? secret.asText() : null));
            }
        }
        return containers;
    }

    private boolean created(JsonNode resource) {
        JsonNode condition = resource.get("Condition");
        return condition == null || !condition.isTextual() || resolver.condition(condition.textValue());
    }

    private List<String> noEchoValues() {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : template.path("Parameters").properties()) {
            JsonNode noEcho = parameter.getValue().path("NoEcho");
            boolean hidden = noEcho.asBoolean(false) || noEcho.asText().equalsIgnoreCase("true");
            String value = parameterValues.get(parameter.getKey());
            if (hidden && value != null) {
                values.add(value);
            }
        }
        return values;
    }

}
