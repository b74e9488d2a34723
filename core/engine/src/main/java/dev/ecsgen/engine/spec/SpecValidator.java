package dev.ecsgen.engine.spec;

import dev.ecsgen.engine.JsonPointers;
import dev.ecsgen.engine.image.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every value of a loaded spec against its allowed form and fills in the defaults. All
 * problems are collected, so one run reports each of them with its location.
 */
final class SpecValidator {
    static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    static final Pattern TASK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:secretsmanager:[a-z]{2}(-gov)?-[a-z]+-\\d:\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");
    static final Pattern KMS_KEY_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:kms:[a-z]{2}(-gov)?-[a-z]+-\\d:\\d{12}:key/[A-Za-z0-9-]{1,128}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    static final int MAX_DESCRIPTION_BYTES = 1024;
    static final int MAX_CONTAINERS_PER_TASK = 10;
    static final int MAX_CPU_UNITS = 196_608;
    static final int MIN_MEMORY_MIB = 6;
    static final int MAX_ASG_SIZE = 10_000;
    static final int DEFAULT_MEMORY_MIB = 128;
    static final int DEFAULT_CPU_UNITS = 128;
    static final int MAX_MEMORY_MIB = 1_048_576;
    static final int MAX_SERVICE_COUNT = 5000;
    static final int MAX_PORT = 65_535;
    static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");

    private final LoadedSpec loaded;
    private final SpecProblems problems;

    SpecValidator(LoadedSpec loaded) {
        this.loaded = loaded;
        this.problems = new SpecProblems(loaded.sources());
    }

    LoadedSpec validateAndComplete() {
        StackSpec spec = loaded.spec();
        String name = spec.name();
        if (name == null) {
            problems.missing("", "name", "a letter, then letters, digits and '-', e.g. web-cluster");
        } else if (!STACK_NAME.matcher(name).matches()) {
            problems.invalid("/name", name, "a letter, then up to 63 letters, digits and '-', e.g. web-cluster");
        }
        String description = spec.description();
        if (description != null) {
            checkText("/description", description, true);
            if (description.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
                problems.invalid("/description", description,
                        "at most " + MAX_DESCRIPTION_BYTES + " bytes, the CloudFormation limit for Description");
            }
        }
        ClusterSpec cluster = checkCluster(spec.cluster() == null ? ClusterSpec.defaults() : spec.cluster().withDefaults());
        AmiSection ami = checkAmi(spec.ami() == null ? AmiSection.defaults() : spec.ami().withDefaults());
        List<RegistryEntry> registries = checkRegistries(spec.registries() == null ? List.of() : spec.registries());
        List<TaskSpec> tasks = checkTasks(spec.tasks());
        Map<String, String> tags = checkTags(spec.tags() == null ? Map.of() : spec.tags());
        problems.throwIfAny();
        StackSpec completed = new StackSpec(name, description, cluster, ami, registries, tasks, tags);
        return new LoadedSpec(completed, loaded.file(), loaded.sources());
    }

    private ClusterSpec checkCluster(ClusterSpec cluster) {
        if (!INSTANCE_TYPE.matcher(cluster.instanceType()).matches()) {
            problems.invalid("/cluster/instanceType", cluster.instanceType(), "an EC2 instance type such as t3.micro");
        }
        checkRange("/cluster/minSize", cluster.minSize(), 0, MAX_ASG_SIZE);
        checkRange("/cluster/maxSize", cluster.maxSize(), 1, MAX_ASG_SIZE);
        if (cluster.maxSize() < cluster.minSize()) {
            problems.invalid("/cluster/maxSize", cluster.maxSize(), "at least minSize (" + cluster.minSize() + ")");
        }
        if (cluster.desiredCapacity() < cluster.minSize() || cluster.desiredCapacity() > cluster.maxSize()) {
            problems.invalid("/cluster/desiredCapacity", cluster.desiredCapacity(),
                    "a number from minSize (" + cluster.minSize() + ") to maxSize (" + cluster.maxSize() + ")");
        }
        return cluster;
    }

    private AmiSection checkAmi(AmiSection ami) {
        if (!PLUGIN_ID.matcher(ami.source()).matches()) {
            problems.invalid("/ami/source", ami.source(), "the id of an AMI source plugin, such as ecs-optimized");
        }
        if (!"parameter".equals(ami.resolve()) && !"launch".equals(ami.resolve())) {
            problems.invalid("/ami/resolve", ami.resolve(),
                    "'parameter' (a template parameter) or 'launch' (resolved by EC2 at each launch)");
        }
        if (ami.variant() != null) {
            checkText("/ami/variant", ami.variant(), false);
        }
        if (ami.file() != null) {
            checkText("/ami/file", ami.file(), false);
        }
        if (ami.pin() != null && !AMI_ID.matcher(ami.pin()).matches()) {
            problems.invalid("/ami/pin", ami.pin(), "an AMI id such as ami-0123456789abcdef0");
        }
        return ami;
    }

    private List<RegistryEntry> checkRegistries(List<RegistryEntry> registries) {
        List<RegistryEntry> completed = new ArrayList<>();
        for (int i = 0; i < registries.size(); i++) {
            String at = "/registries/" + i;
            RegistryEntry entry = registries.get(i);
            if (entry == null) {
                problems.invalid(at, null, "a registry entry with at least 'type'");
                continue;
            }
            if (entry.type() == null) {
                problems.missing(at, "type", "the id of a registry plugin, such as dockerhub, quay or selfhosted");
            } else if (!PLUGIN_ID.matcher(entry.type()).matches()) {
                problems.invalid(at + "/type", entry.type(), "the id of a registry plugin, such as dockerhub");
            }
            String auth = entry.auth() == null ? "agent" : entry.auth();
            if (!"agent".equals(auth) && !"task".equals(auth)) {
                String expected = "'agent' (credentials in the ECS agent config) or 'task' (RepositoryCredentials)";
                // A docker config.json also has an "auth" field, holding base64 of username:password, so a
                // value that is not a short word is not echoed.
                if (auth.matches("[A-Za-z-]{1,16}")) {
                    problems.invalid(at + "/auth", auth, expected);
                } else {
                    problems.conflict(at + "/auth", "invalid value for " + SourceMap.displayPath(at + "/auth")
                            + " (not shown, because it may be a credential): expected " + expected);
                }
            }
            if (entry.id() != null && !LOGICAL_ID.matcher(entry.id()).matches()) {
                problems.invalid(at + "/id", entry.id(), "a letter then up to 63 letters or digits, e.g. InternalRegistry");
            }
            if (entry.host() != null) {
                checkText(at + "/host", entry.host(), false, "a registry host[:port] such as registry.example.com:5000,");
            }
            if (entry.secretArn() != null && !SECRET_ARN.matcher(entry.secretArn()).matches()) {
                invalidArn(at + "/secretArn", entry.secretArn(),
                        "a Secrets Manager secret ARN such as arn:aws:secretsmanager:eu-west-1:111122223333:secret:quay-AbCdEf");
            }
            if (entry.kmsKeyArn() != null && !KMS_KEY_ARN.matcher(entry.kmsKeyArn()).matches()) {
                invalidArn(at + "/kmsKeyArn", entry.kmsKeyArn(),
                        "a KMS key ARN such as arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
            }
            checkKmsKey(at, auth, entry);
            completed.add(new RegistryEntry(entry.type(), entry.id(), entry.host(), auth, entry.secretArn(), entry.kmsKeyArn()));
        }
        return completed;
    }

    /**
     * Reports an invalid ARN. A value that does not even start with {@code arn:} may be a password pasted into
     * the wrong field, so the message leaves it out.
     */
    private void invalidArn(String pointer, String value, String expected) {
        if (value.startsWith("arn:")) {
            problems.invalid(pointer, value, expected);
        } else {
            problems.conflict(pointer, "invalid value for " + SourceMap.displayPath(pointer) + " (not shown, because it"
                    + " does not start with 'arn:' and may be a credential): expected " + expected);
        }
    }

    /**
     * Accepts {@code kmsKeyArn} only where a secret exists to decrypt: an existing secret ({@code secretArn}) or,
     * at task level, the secret the stack creates. Secrets Manager encrypts a secret only with a key in the
     * secret's own partition and region.
     */
    private void checkKmsKey(String at, String auth, RegistryEntry entry) {
        String key = entry.kmsKeyArn();
        if (key == null || !KMS_KEY_ARN.matcher(key).matches()) {
            return;
        }
        String secret = entry.secretArn();
        if (secret == null && "agent".equals(auth)) {
            problems.conflict(at + "/kmsKeyArn", "kmsKeyArn " + SpecProblems.quote(key) + " has no secret to decrypt,"
                    + " because this agent-level registry takes its credentials from parameters: set secretArn to"
                    + " the secret the key encrypts, use auth: task so the stack creates a secret encrypted with"
                    + " this key, or remove kmsKeyArn");
            return;
        }
        if (secret != null && SECRET_ARN.matcher(secret).matches()) {
            String[] keyParts = key.split(":", 5);
            String[] secretParts = secret.split(":", 5);
            if (!keyParts[1].equals(secretParts[1]) || !keyParts[3].equals(secretParts[3])) {
                problems.conflict(at + "/kmsKeyArn", "kmsKeyArn " + SpecProblems.quote(key) + " is in region " + keyParts[3]
                        + " (partition " + keyParts[1] + "), but secretArn is in region " + secretParts[3]
                        + " (partition " + secretParts[1] + "): use the key that encrypts that secret, which is in the secret's region");
            }
        }
    }

    private List<TaskSpec> checkTasks(List<TaskSpec> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            problems.missing("", "tasks", "a list of at least one task with containers");
            return List.of();
        }
        List<TaskSpec> completed = new ArrayList<>();
        Set<String> logicalNames = new HashSet<>();
        for (int t = 0; t < tasks.size(); t++) {
            String at = "/tasks/" + t;
            TaskSpec task = tasks.get(t);
            if (task == null) {
                problems.invalid(at, null, "a task with 'name' and 'containers'");
                continue;
            }
            if (task.name() == null) {
                problems.missing(at, "name", "a letter, then letters, digits and '-', e.g. web");
            } else if (!TASK_NAME.matcher(task.name()).matches()) {
                problems.invalid(at + "/name", task.name(), "a letter, then up to 63 letters, digits and '-', e.g. web");
            } else if (!logicalNames.add(Names.pascalCase(task.name()))) {
                problems.conflict(at + "/name", "task name " + SpecProblems.quote(task.name())
                        + " gives the same logical ids as an earlier task: choose names that differ in more than case and '-'");
            }
            List<ContainerSpec> containers = checkContainers(at, task.containers());
            ServiceSpec service = task.service();
            if (service != null) {
                int count = service.desiredCount() == null ? 1 : service.desiredCount();
                checkRange(at + "/service/desiredCount", count, 0, MAX_SERVICE_COUNT);
                service = new ServiceSpec(count);
            }
            completed.add(new TaskSpec(task.name(), containers, service));
        }
        return completed;
    }

    private List<ContainerSpec> checkContainers(String taskAt, List<ContainerSpec> containers) {
        if (containers == null || containers.isEmpty()) {
            problems.missing(taskAt, "containers", "a list of 1 to " + MAX_CONTAINERS_PER_TASK + " containers");
            return List.of();
        }
        if (containers.size() > MAX_CONTAINERS_PER_TASK) {
            problems.invalid(taskAt + "/containers", containers.size() + " containers",
                    "at most " + MAX_CONTAINERS_PER_TASK + " containers, the ECS limit per task definition");
        }
        List<ContainerSpec> completed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int c = 0; c < containers.size(); c++) {
            String at = taskAt + "/containers/" + c;
            ContainerSpec container = containers.get(c);
            if (container == null) {
                problems.invalid(at, null, "a container with 'name' and 'image'");
                continue;
            }
            if (container.name() == null) {
                problems.missing(at, "name", "letters, digits, '-' and '_', e.g. nginx");
            } else if (!CONTAINER_NAME.matcher(container.name()).matches()) {
                problems.invalid(at + "/name", container.name(), "1 to 255 letters, digits, '-' and '_', e.g. nginx");
            } else if (!names.add(container.name())) {
                problems.conflict(at + "/name", "container name " + SpecProblems.quote(container.name())
                        + " is used twice in this task: give each container its own name");
            }
            if (container.image() == null) {
                problems.missing(at, "image", "an image reference such as nginx:1.27 or quay.io/org/app:1.0");
            } else if (checkText(at + "/image", container.image(), false,
                    "an image reference such as nginx:1.27 or quay.io/org/app:1.0,")) {
                try {
                    ImageReference.parse(container.image());
                } catch (IllegalArgumentException e) {
                    problems.conflict(at + "/image", e.getMessage());
                }
            }
            int memory = container.memory() == null ? DEFAULT_MEMORY_MIB : container.memory();
            int cpu = container.cpu() == null ? DEFAULT_CPU_UNITS : container.cpu();
            checkRange(at + "/memory", memory, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
            checkRange(at + "/cpu", cpu, 0, MAX_CPU_UNITS);
            List<PortMapping> ports = checkPorts(at, container.portMappings());
            Map<String, String> environment = checkEnvironment(at, container.environment());
            completed.add(new ContainerSpec(container.name(), container.image(), memory, cpu,
                    container.essential() == null || container.essential(), ports,
                    container.privateImage() != null && container.privateImage(), environment));
        }
        return completed;
    }

    private List<PortMapping> checkPorts(String containerAt, List<PortMapping> ports) {
        if (ports == null) {
            return List.of();
        }
        List<PortMapping> completed = new ArrayList<>();
        for (int p = 0; p < ports.size(); p++) {
            String at = containerAt + "/portMappings/" + p;
            PortMapping port = ports.get(p);
            if (port == null || port.containerPort() == null) {
                problems.missing(at, "containerPort", "a port number from 1 to 65535");
                continue;
            }
            checkRange(at + "/containerPort", port.containerPort(), 1, MAX_PORT);
            if (port.hostPort() != null) {
                checkRange(at + "/hostPort", port.hostPort(), 0, MAX_PORT);
            }
            String protocol = port.protocol() == null ? "tcp" : port.protocol();
            if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
                problems.invalid(at + "/protocol", protocol, "tcp or udp");
            }
            completed.add(new PortMapping(port.containerPort(), port.hostPort(), protocol));
        }
        return completed;
    }

    private Map<String, String> checkEnvironment(String containerAt, Map<String, String> environment) {
        if (environment == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String at = containerAt + "/environment/" + variable.getKey();
            if (!ENV_NAME.matcher(variable.getKey()).matches()) {
                problems.conflict(at, "invalid environment variable name " + SpecProblems.quote(variable.getKey())
                        + ": expected a letter or '_', then letters, digits and '_'");
            }
            if (variable.getValue() == null) {
                problems.invalid(at, null, "a text value; write \"\" for an empty one");
            } else {
                checkText(at, variable.getValue(), false);
            }
        }
        return new LinkedHashMap<>(environment);
    }

    private Map<String, String> checkTags(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String at = JsonPointers.child("/tags", tag.getKey());
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches() || key.startsWith("aws:")) {
                problems.conflict(at, "invalid tag key " + SpecProblems.quote(key)
                        + ": expected 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with 'aws:'");
            }
            String value = tag.getValue();
            if (value == null || value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                problems.invalid(at, value, "up to 256 letters, digits, spaces and _ . : / = + - @");
            }
        }
        return new LinkedHashMap<>(tags);
    }

    private void checkRange(String pointer, int value, int min, int max) {
        if (value < min || value > max) {
            problems.invalid(pointer, value, "a whole number from " + min + " to " + max);
        }
    }

    /** Rejects control characters and the invisible bidirectional marks that can disguise a value. */
    private boolean checkText(String pointer, String value, boolean allowLineBreaks) {
        return checkText(pointer, value, allowLineBreaks, "text");
    }

    /**
     * Rejects control characters and invisible formatting marks in a value whose allowed form is {@code form}.
     *
     * @return whether the value is free of them
     */
    private boolean checkText(String pointer, String value, boolean allowLineBreaks, String form) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\t';
            if ((Character.isISOControl(c) && !(allowLineBreaks && lineBreak)) || Character.getType(c) == Character.FORMAT) {
                problems.invalid(pointer, value, form + " without control characters or invisible formatting marks"
                        + " (found U+" + String.format("%04X", (int) c) + ")");
                return false;
            }
        }
        return true;
    }
}
