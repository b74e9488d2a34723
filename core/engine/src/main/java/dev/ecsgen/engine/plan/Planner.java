package dev.ecsgen.engine.plan;

import dev.ecsgen.api.AgentAuthEntry;
import dev.ecsgen.api.AmiContribution;
import dev.ecsgen.api.AmiSource;
import dev.ecsgen.api.AmiSpec;
import dev.ecsgen.api.AuthMode;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryContribution;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import dev.ecsgen.api.UserDataFormat;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.Suggestions;
import dev.ecsgen.engine.image.AgentAuthKeys;
import dev.ecsgen.engine.image.ImageReference;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginCatalog.Provided;
import dev.ecsgen.engine.spec.AmiSection;
import dev.ecsgen.engine.spec.ContainerSpec;
import dev.ecsgen.engine.spec.LoadedSpec;
import dev.ecsgen.engine.spec.Names;
import dev.ecsgen.engine.spec.PortMapping;
import dev.ecsgen.engine.spec.RegistryEntry;
import dev.ecsgen.engine.spec.SpecProblems;
import dev.ecsgen.engine.spec.StackSpec;
import dev.ecsgen.engine.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a validated spec into a {@link StackPlan}: matches every container image to the registry that
 * serves its pull, collects each plugin's contribution, and lays out the data model fragments see.
 */
public final class Planner {
    /** A secret ARN whose characters are all safe inside single quotes in the user data script and in Fn::Sub. */
    private static final Pattern SAFE_SECRET_ARN =
            Pattern.compile("arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+");

    private static final Pattern AGENT_AUTH_VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final PluginCatalog plugins;
    private final boolean strict;

    /**
     * @param plugins the loaded plugins
     * @param strict  {@code true} makes an image without credentials an error instead of a warning
     */
    public Planner(PluginCatalog plugins, boolean strict) {
        this.plugins = plugins;
        this.strict = strict;
    }

    /** A configured registry with what its plugin made of it. */
    private record PlannedRegistry(int index, RegistryEntry entry, RegistryDescriptor descriptor,
            RegistryContribution contribution, String pluginId) {
    }

    public StackPlan plan(LoadedSpec loaded) {
        StackSpec spec = loaded.spec();
        SpecProblems problems = new SpecProblems(loaded.sources());
        AmiContribution ami = planAmi(loaded, problems);
        List<PlannedRegistry> registries = planRegistries(loaded, problems);
        rejectTomlAgentAuth(ami, registries, problems);
        problems.throwIfAny();
        checkRegistryConflicts(loaded, registries);

        List<String> warnings = new ArrayList<>();
        List<String> credentialErrors = new ArrayList<>();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stack", stackModel(spec));
        model.put("cluster", clusterModel(spec));
        model.put("ami", amiModel(spec.ami(), ami));
        model.put("registries", registryModels(registries));
        model.put("parameters", contributedSection(ami, registries, "parameters"));
        model.put("mappings", ami.mappings());
        model.put("rules", ami.rules());
        model.put("resources", contributedSection(ami, registries, "resources"));
        model.put("agentAuth", agentAuthModel(registries));
        model.put("instanceRole", Map.of("statements", statements(registries, true)));
        List<Object> executionStatements = statements(registries, false);
        model.put("executionRole", Map.of(
                "required", !executionStatements.isEmpty(),
                "statements", executionStatements));
        model.put("tasks", taskModels(loaded, registries, warnings, credentialErrors));
        model.put("hostPorts", hostPorts(spec));
        model.put("tags", spec.tags());
        if (!credentialErrors.isEmpty()) {
            throw EcsgenException.checkFailed(String.join("\n", credentialErrors));
        }
        return new StackPlan(loaded, model, List.copyOf(warnings));
    }

    private AmiContribution planAmi(LoadedSpec loaded, SpecProblems problems) {
        AmiSection section = loaded.spec().ami();
        List<Provided<AmiSource>> providers = plugins.amiSources().getOrDefault(section.source(), List.of());
        if (providers.isEmpty()) {
            problems.invalid("/ami/source", section.source(), "one of the AMI sources the loaded plugins provide: "
                    + known(plugins.amiSources().keySet()) + nearest(section.source(), plugins.amiSources().keySet()));
            return null;
        }
        if (providers.size() > 1) {
            throw EcsgenException.invalidInput(loaded.locate("/ami/source") + ": AMI source "
                    + SpecProblems.quote(section.source()) + " is provided by more than one plugin: "
                    + sources(providers) + ": remove one of them from the plugin folders");
        }
        AmiSource source = providers.get(0).extension();
        if (section.variant() != null && !source.variants().contains(section.variant())) {
            problems.invalid("/ami/variant", section.variant(), "one of the variants of AMI source "
                    + section.source() + ": " + known(source.variants()) + nearest(section.variant(), source.variants()));
            return null;
        }
        AmiSpec amiSpec = new AmiSpec(section.source(), section.variant(), section.file(), section.resolve(),
                section.pin(), loaded.baseDir());
        try {
            AmiContribution contribution = source.contribute(amiSpec);
            if (contribution == null) {
                throw pluginResultInvalid(providers.get(0), "contribute", "returned no AMI contribution (null)");
            }
            return contribution;
        } catch (EcsgenException e) {
            throw e;
        } catch (InvalidSpecException e) {
            problems.conflict("/ami/" + e.field(), "invalid ami." + e.field() + ": " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            throw pluginFailure(providers.get(0), "contribute", e);
        }
    }

    private List<PlannedRegistry> planRegistries(LoadedSpec loaded, SpecProblems problems) {
        List<PlannedRegistry> planned = new ArrayList<>();
        List<RegistryEntry> entries = loaded.spec().registries();
        for (int i = 0; i < entries.size(); i++) {
            RegistryEntry entry = entries.get(i);
            String at = "/registries/" + i;
            List<Provided<RegistryAuthRenderer>> providers = plugins.registries().getOrDefault(entry.type(), List.of());
            if (providers.isEmpty()) {
                problems.invalid(at + "/type", entry.type(), "one of the registry types the loaded plugins provide: "
                        + known(plugins.registries().keySet()) + nearest(entry.type(), plugins.registries().keySet()));
                continue;
            }
            if (providers.size() > 1) {
                throw EcsgenException.invalidInput(loaded.locate(at + "/type") + ": registry type "
                        + SpecProblems.quote(entry.type()) + " is provided by more than one plugin: "
                        + sources(providers) + ": remove one of them from the plugin folders");
            }
            Provided<RegistryAuthRenderer> provider = providers.get(0);
            RegistrySpec registrySpec = new RegistrySpec(entry.type(), entry.id(), entry.host(),
                    AuthMode.valueOf(entry.auth().toUpperCase(Locale.ROOT)), entry.secretArn(), entry.kmsKeyArn());
            try {
                RegistryDescriptor descriptor = provider.extension().describe(registrySpec);
                if (descriptor == null) {
                    throw pluginResultInvalid(provider, "describe", "returned no descriptor (null)");
                }
                RegistryContribution contribution = provider.extension().contribute(registrySpec, descriptor);
                checkContribution(provider, contribution);
                planned.add(new PlannedRegistry(i, entry, descriptor, contribution, provider.pluginId()));
            } catch (InvalidSpecException e) {
                problems.conflict(at + "/" + e.field(), "invalid registries[" + i + "]." + e.field() + ": " + e.getMessage());
            } catch (EcsgenException e) {
                throw e;
            } catch (RuntimeException e) {
                throw pluginFailure(provider, "describe or contribute", e);
            }
        }
        return planned;
    }

    /**
     * Rejects agent-level credentials on an image with TOML user data (Bottlerocket): the agent-level
     * form writes /etc/ecs/ecs.config from a boot script, and ecsgen does not write Bottlerocket's
     * registry credential settings.
     */
    private static void rejectTomlAgentAuth(AmiContribution ami, List<PlannedRegistry> registries, SpecProblems problems) {
        if (ami == null || ami.userDataFormat() != UserDataFormat.TOML) {
            return;
        }
        for (PlannedRegistry registry : registries) {
            if (registry.entry().auth().equalsIgnoreCase(AuthMode.AGENT.name())) {
                problems.conflict("/registries/" + registry.index() + "/auth", "registries[" + registry.index() + "] ("
                        + registry.entry().type() + ") uses auth: agent, which the TOML user data of this AMI"
                        + " variant cannot configure: set 'auth: task' to pass the credentials through each"
                        + " task definition, or choose an Amazon Linux variant");
            }
        }
    }

    /**
     * Rejects registries the ECS agent could not use as planned: a key it never matches, a key that does not
     * match the registry's own image hosts, and two entries that share a key or an id. Once every key matches
     * its own hosts, two registries that serve the same host also share its key.
     */
    private static void checkRegistryConflicts(LoadedSpec loaded, List<PlannedRegistry> registries) {
        List<String> conflicts = new ArrayList<>();
        for (PlannedRegistry registry : registries) {
            String problem = keyProblem(registry);
            if (problem != null) {
                conflicts.add(loaded.locate("/registries/" + registry.index()) + ": registries[" + registry.index()
                        + "] (" + registry.entry().type() + ", plugin " + registry.pluginId() + ") " + problem);
            }
        }
        for (int a = 0; a < registries.size(); a++) {
            for (int b = a + 1; b < registries.size(); b++) {
                PlannedRegistry first = registries.get(a);
                PlannedRegistry second = registries.get(b);
                String where = loaded.locate("/registries/" + second.index()) + ": registries[" + second.index() + "] ("
                        + second.entry().type() + ")";
                String other = "registries[" + first.index() + "] (" + first.entry().type() + ", "
                        + loaded.locate("/registries/" + first.index()) + ")";
                if (AgentAuthKeys.normalize(first.descriptor().authKey())
                        .equals(AgentAuthKeys.normalize(second.descriptor().authKey()))) {
                    conflicts.add(where + " and " + other + " both authenticate registry "
                            + first.descriptor().authKey() + ": keep one entry per registry");
                } else if (first.descriptor().logicalId().equals(second.descriptor().logicalId())) {
                    conflicts.add(where + " and " + other + " both use the id " + first.descriptor().logicalId()
                            + ": set a different 'id' on one of them");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw EcsgenException.invalidInput(String.join("\n", conflicts));
        }
    }

    /**
     * Returns why the agent would never use this registry's key for its own image hosts, or {@code null}. Also
     * rejects a secret ARN that could not stand quoted in the user data script.
     */
    private static String keyProblem(PlannedRegistry registry) {
        String key = registry.descriptor().authKey();
        var problem = AgentAuthKeys.problem(key);
        if (problem.isPresent()) {
            boolean dockerHub = !registry.entry().type().equals("dockerhub")
                    && registry.descriptor().imageHosts().stream().anyMatch(Planner::isDockerHubHost);
            return "has an unusable key: " + problem.get() + (dockerHub ? "; for Docker Hub use type dockerhub" : "");
        }
        for (String host : new TreeSet<>(registry.descriptor().imageHosts())) {
            ImageReference probe;
            try {
                probe = ImageReference.parse(host + "/ecsgen/probe");
            } catch (IllegalArgumentException e) {
                return "serves the invalid image host '" + host + "': " + e.getMessage();
            }
            if (!AgentAuthKeys.matches(key, probe)) {
                return "serves images from " + host + ", but the ECS agent looks them up under the key "
                        + probe.agentAuthKey() + ", not " + key + ": report this to the plugin's author";
            }
        }
        AgentAuthEntry entry = registry.contribution().agentAuth();
        if (entry != null && entry.secretArn() != null && !SAFE_SECRET_ARN.matcher(entry.secretArn()).matches()) {
            return "names the secret " + SpecProblems.quote(entry.secretArn()) + ", which is not a Secrets Manager"
                    + " secret ARN: expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>";
        }
        return null;
    }

    private static boolean isDockerHubHost(String host) {
        try {
            return ImageReference.parse(host + "/ecsgen/probe").isDockerHub();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> stackModel(StackSpec spec) {
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("name", spec.name());
        stack.put("description", spec.description() != null
                ? spec.description()
                : "ECS cluster " + spec.name() + " on EC2 with private registry credentials (generated by ecsgen)");
        return stack;
    }

    private static Map<String, Object> clusterModel(StackSpec spec) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("instanceType", spec.cluster().instanceType());
        cluster.put("minSize", spec.cluster().minSize());
        cluster.put("maxSize", spec.cluster().maxSize());
        cluster.put("desiredCapacity", spec.cluster().desiredCapacity());
        cluster.put("keyName", spec.cluster().keyName());
        cluster.put("publicIp", spec.cluster().publicIp());
        return cluster;
    }

    private static Map<String, Object> amiModel(AmiSection section, AmiContribution ami) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("source", section.source());
        model.put("variant", section.variant() == null ? "" : section.variant());
        model.put("imageId", ami.imageId());
        model.put("userDataFormat", ami.userDataFormat() == UserDataFormat.TOML ? "toml" : "shell");
        return model;
    }

    private static List<Object> registryModels(List<PlannedRegistry> registries) {
        List<Object> models = new ArrayList<>();
        for (PlannedRegistry registry : registries) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("type", registry.entry().type());
            model.put("id", registry.descriptor().logicalId());
            model.put("authKey", registry.descriptor().authKey());
            model.put("hosts", List.copyOf(new TreeSet<>(registry.descriptor().imageHosts())));
            model.put("auth", registry.entry().auth());
            model.put("secretBacked", registry.entry().secretArn() != null);
            model.put("plugin", registry.pluginId());
            models.add(model);
        }
        return models;
    }

    private static Map<String, Object> contributedSection(AmiContribution ami, List<PlannedRegistry> registries, String section) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (section.equals("parameters")) {
            merged.putAll(ami.parameters());
        }
        for (PlannedRegistry registry : registries) {
            Map<String, Object> part = section.equals("parameters")
                    ? registry.contribution().parameters()
                    : registry.contribution().resources();
            for (Map.Entry<String, Object> entry : part.entrySet()) {
                if (merged.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                    throw EcsgenException.invalidInput("registries[" + registry.index() + "] (" + registry.entry().type()
                            + ") defines " + section + " entry " + entry.getKey() + " a second time: set a different 'id'");
                }
            }
        }
        return merged;
    }

    private static Map<String, Object> agentAuthModel(List<PlannedRegistry> registries) {
        List<Object> entries = new ArrayList<>();
        boolean secretBacked = false;
        for (PlannedRegistry registry : registries) {
            AgentAuthEntry entry = registry.contribution().agentAuth();
            if (entry == null) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("key", entry.key());
            model.put("variable", entry.variable());
            if (entry.secretArn() != null) {
                model.put("secretArn", entry.secretArn());
                secretBacked = true;
            } else {
                model.put("authValue", entry.authValue());
            }
            entries.add(model);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("enabled", !entries.isEmpty());
        model.put("type", "dockercfg");
        model.put("secretBacked", secretBacked);
        model.put("entries", entries);
        return model;
    }

    private static List<Object> statements(List<PlannedRegistry> registries, boolean instance) {
        List<Object> statements = new ArrayList<>();
        for (PlannedRegistry registry : registries) {
            statements.addAll(instance
                    ? registry.contribution().instanceRoleStatements()
                    : registry.contribution().executionRoleStatements());
        }
        return statements;
    }

    private List<Object> taskModels(LoadedSpec loaded, List<PlannedRegistry> registries, List<String> warnings,
            List<String> credentialErrors) {
        StackSpec spec = loaded.spec();
        List<Object> tasks = new ArrayList<>();
        for (int t = 0; t < spec.tasks().size(); t++) {
            TaskSpec task = spec.tasks().get(t);
            String logicalName = Names.pascalCase(task.name());
            List<Object> containers = new ArrayList<>();
            for (int c = 0; c < task.containers().size(); c++) {
                ContainerSpec container = task.containers().get(c);
                ImageReference image = ImageReference.parse(container.image());
                PlannedRegistry registry = registryFor(image, registries);
                Map<String, Object> model = containerModel(container, image, registry);
                if (registry == null) {
                    String at = loaded.locate("/tasks/" + t + "/containers/" + c + "/image").toString();
                    String message = at + ": container " + container.name() + " in task " + task.name()
                            + " pulls " + container.image() + " from " + image.registry()
                            + ", and no registry in the spec has credentials for it";
                    if (container.privateImage() || strict) {
                        credentialErrors.add(message + ": add a 'registries' entry for " + image.registry()
                                + (container.privateImage() ? "" : ", or drop --strict if the image is public"));
                    } else {
                        warnings.add(message + "; it is pulled anonymously, which works only for a public image");
                    }
                }
                containers.add(model);
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", task.name());
            model.put("logicalName", logicalName);
            model.put("family", spec.name() + "-" + task.name());
            model.put("containers", containers);
            model.put("service", task.service() == null ? Map.of() : Map.of("desiredCount", task.service().desiredCount()));
            model.put("hasService", task.service() != null);
            tasks.add(model);
        }
        return tasks;
    }

    private static PlannedRegistry registryFor(ImageReference image, List<PlannedRegistry> registries) {
        for (PlannedRegistry registry : registries) {
            if (registry.descriptor().imageHosts().contains(image.registry())) {
                return registry;
            }
        }
        return null;
    }

    private static Map<String, Object> containerModel(ContainerSpec container, ImageReference image, PlannedRegistry registry) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", container.name());
        model.put("image", container.image());
        model.put("memory", container.memory());
        model.put("cpu", container.cpu());
        model.put("essential", container.essential());
        List<Object> ports = new ArrayList<>();
        for (PortMapping port : container.portMappings()) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("containerPort", port.containerPort());
            if (port.hostPort() != null) {
                mapping.put("hostPort", port.hostPort());
            }
            mapping.put("protocol", port.protocol());
            ports.add(mapping);
        }
        model.put("portMappings", ports);
        model.put("environment", container.environment());
        model.put("private", container.privateImage());
        model.put("registryHost", image.registry());
        model.put("authKey", image.agentAuthKey());
        if (registry == null) {
            model.put("credentials", "none");
        } else {
            model.put("credentials", registry.entry().auth());
            model.put("registryId", registry.descriptor().logicalId());
            if (registry.contribution().repositoryCredentials() != null) {
                model.put("repositoryCredentials", registry.contribution().repositoryCredentials());
            }
        }
        return model;
    }

    private static List<Object> hostPorts(StackSpec spec) {
        TreeSet<String> seen = new TreeSet<>();
        List<Object> ports = new ArrayList<>();
        for (TaskSpec task : spec.tasks()) {
            for (ContainerSpec container : task.containers()) {
                for (PortMapping port : container.portMappings()) {
                    if (port.hostPort() != null && port.hostPort() > 0 && seen.add(port.protocol() + "/" + port.hostPort())) {
                        ports.add(Map.of("port", port.hostPort(), "protocol", port.protocol()));
                    }
                }
            }
        }
        return ports;
    }

    /** Returns {@code " (did you mean 'x'?)"} for the nearest of {@code ids}, or an empty string. */
    private static String nearest(String value, java.util.Collection<String> ids) {
        String hint = Suggestions.didYouMean(value, ids).strip();
        return hint.isEmpty() ? "" : " (" + hint + ")";
    }

    private static String known(java.util.Collection<String> ids) {
        return ids.isEmpty() ? "(none: no plugin is loaded; check the plugins folder or --plugins)" : String.join(", ", new TreeSet<>(ids));
    }

    private static String sources(List<? extends Provided<?>> providers) {
        List<String> names = new ArrayList<>();
        for (Provided<?> provider : providers) {
            names.add(provider.pluginId() + " (" + provider.source() + ")");
        }
        return String.join(" and ", names);
    }

    /**
     * Rejects a contribution that the template or the user data script could not carry safely: a missing
     * contribution, or an agent auth entry whose variable name is not alphanumeric, since the user data script
     * uses that name as a shell variable and in Fn::Sub.
     */
    private static void checkContribution(Provided<RegistryAuthRenderer> provider, RegistryContribution contribution) {
        if (contribution == null) {
            throw pluginResultInvalid(provider, "contribute", "returned no contribution (null)");
        }
        AgentAuthEntry entry = contribution.agentAuth();
        if (entry != null && !AGENT_AUTH_VARIABLE.matcher(entry.variable()).matches()) {
            throw pluginResultInvalid(provider, "contribute", "returned the agent auth variable "
                    + SpecProblems.quote(entry.variable()) + ", which is not a letter followed by up to 63 letters"
                    + " or digits");
        }
    }

    private static EcsgenException pluginResultInvalid(Provided<?> provider, String step, String problem) {
        return EcsgenException.checkFailed("plugin " + provider.pluginId() + " (" + provider.source() + ") "
                + problem + " from " + step + ": report this to the plugin's author or remove it from the plugin folders");
    }

    private static EcsgenException pluginFailure(Provided<?> provider, String step, RuntimeException e) {
        return EcsgenException.checkFailed("plugin " + provider.pluginId() + " (" + provider.source() + ") failed in "
                + step + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + ": report this to the plugin's author or remove it from the plugin folders");
    }
}
