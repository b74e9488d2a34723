package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.testing.AgentBoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generates random valid specs, with hostile text wherever the spec allows free text, and checks that each one
 * yields a template that {@code ecsgen validate}'s checker accepts, whose description, environment values and
 * tags arrive unchanged, and, for every 20th spec, whose user data hands hostile credentials to the ECS agent
 * unchanged when run in bash.
 */
class ValidSpecPropertiesTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String HOSTILE_USERNAME = "u'\"\\$HOME${x}`id`$(id)#=ä";
    private static final String HOSTILE_PASSWORD = "p:'\"\\${AWS::Region}`id`$(touch pwned) %s%%\\n=日";
    /** Free text that a description may contain, including the characters YAML, JSON, Fn::Sub and shells treat specially. */
    private static final String HOSTILE_CHARACTERS = "\"\\'${}()`#:=&|;<>*?!%@~^[],.-_ \n\tä日€";

    private static PluginCatalog plugins;
    private static final AtomicInteger TRIES = new AtomicInteger();

    /** One generated spec with the values that must round-trip. */
    record GeneratedSpec(Map<String, Object> document, String description, Map<String, String> environment,
                         Map<String, String> tags) {
        String yaml() {
            try {
                return YAML.writeValueAsString(document);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeContainer
    static void loadPlugins() {
        plugins = PluginCatalog.load(List.of());
    }

    @AfterContainer
    static void closePlugins() {
        plugins.close();
    }

    @Property(tries = 3000, seed = "20240611", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void validSpecGivesValidTemplate(@ForAll("specs") GeneratedSpec generated) throws Exception {
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        GeneratedStack stack = generator.generate(new SpecLoader().parse("random.yaml", null, generated.yaml()));

        JsonNode template = JSON.readTree(stack.text());
        List<Finding> findings = TemplateChecker.standard().check("random.json", template,
                stack.text().getBytes(StandardCharsets.UTF_8).length);
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.ERROR).isEmpty();

        assertThat(template.path("Description").textValue()).isEqualTo(generated.description());
        Map<String, String> parameters = AgentBoot.parameterValues(template, Map.of());
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameters, PseudoParameters.defaults());
        assertThat(environmentOf(template, resolver)).isEqualTo(generated.environment());
        assertThat(tagsOf(template.at("/Resources/Cluster/Properties/Tags"))).containsAllEntriesOf(generated.tags());

        if (TRIES.incrementAndGet() % 20 == 0) {
            Path folder = Files.createTempDirectory("ecsgen-boot");
            try {
                AgentBoot.assertAgentReadsBack(template, HOSTILE_USERNAME, HOSTILE_PASSWORD, folder);
                assertThat(folder.resolve("hostile/pwned")).doesNotExist();
            } finally {
                deleteTree(folder);
            }
        }
    }

    /** Returns every environment variable of every container, resolved, keyed by container name and variable name. */
    private static Map<String, String> environmentOf(JsonNode template, IntrinsicResolver resolver) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            if (!resource.getValue().path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                continue;
            }
            JsonNode containers = resolver.resolveAt("/Resources/" + resource.getKey() + "/Properties/ContainerDefinitions");
            for (JsonNode container : containers) {
                for (JsonNode variable : container.path("Environment")) {
                    environment.put(container.path("Name").asText() + "/" + variable.path("Name").asText(),
                            variable.path("Value").asText());
                }
            }
        }
        return environment;
    }

    private static Map<String, String> tagsOf(JsonNode tags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            values.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        return values;
    }

    @Provide
    Arbitrary<GeneratedSpec> specs() {
        Arbitrary<String> names = Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('A', 'Z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().withChars('-')
                                .ofMaxLength(20))
                .as((first, rest) -> first + rest);
        Arbitrary<String> descriptions = Arbitraries.strings()
                .withChars(HOSTILE_CHARACTERS.toCharArray())
                .withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(120)
                .filter(text -> !text.isBlank());
        Arbitrary<List<Map<String, Object>>> registries = registries();
        Arbitrary<Integer> taskCounts = Arbitraries.integers().between(1, 3);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(tagText(1, 20).filter(key -> !key.startsWith("aws:")),
                tagText(0, 30)).ofMaxSize(4);
        return Combinators.combine(names, descriptions, registries, taskCounts, seeds, tags)
                .as(ValidSpecPropertiesTest::spec);
    }

    private static GeneratedSpec spec(String name, String description, List<Map<String, Object>> registries,
                                      int taskCount, long seed, Map<String, String> tags) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", name);
        document.put("description", description);
        if (!registries.isEmpty()) {
            document.put("registries", registries);
        }
        List<String> hosts = new ArrayList<>(List.of("docker.io", "quay.io"));
        for (Map<String, Object> registry : registries) {
            if (registry.get("type").equals("selfhosted")) {
                hosts.add((String) registry.get("host"));
            }
        }
        List<Object> tasks = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (int t = 0; t < taskCount; t++) {
            String taskName = word(random, 1, 10) + "-x" + t;
            List<Object> containers = new ArrayList<>();
            int containerCount = 1 + random.nextInt(4);
            for (int c = 0; c < containerCount; c++) {
                Map<String, Object> container = new LinkedHashMap<>();
                // Container names are unique across tasks here, so that they can key the expected environment.
                String containerName = "c" + t + c + "_" + word(random, 0, 8);
                container.put("name", containerName);
                container.put("image", image(random, hosts.get(random.nextInt(hosts.size()))));
                Map<String, String> variables = new LinkedHashMap<>();
                for (int v = random.nextInt(3); v > 0; v--) {
                    String value = hostileLine(random);
                    String variable = "V" + v + "_" + word(random, 0, 6).toUpperCase(java.util.Locale.ROOT);
                    variables.put(variable, value);
                }
                if (!variables.isEmpty()) {
                    container.put("environment", variables);
                }
                containers.add(container);
                variables.forEach((variable, value) -> environment.put(containerName + "/" + variable, value));
            }
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", taskName);
            task.put("containers", containers);
            if (random.nextBoolean()) {
                task.put("service", Map.of("desiredCount", random.nextInt(3)));
            }
            tasks.add(task);
        }
        document.put("tasks", tasks);
        if (!tags.isEmpty()) {
            document.put("tags", tags);
        }
        return new GeneratedSpec(document, description, environment, tags);
    }

    private static Arbitrary<List<Map<String, Object>>> registries() {
        Arbitrary<String> auth = Arbitraries.of("agent", "task");
        Arbitrary<String> secret = Arbitraries.of(
                null,
                "arn:aws:secretsmanager:eu-west-1:111122223333:secret:pull/robot+x=y.z@team-AbCdEf",
                "arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:pull-Qw12Er");
        Arbitrary<String> selfHostedHost = Arbitraries.of("registry.example.com:5000", "10.0.0.5:5000",
                "harbor.internal.example", "localhost:5000");
        Arbitrary<Map<String, Object>> dockerHub = Combinators.combine(auth, secret)
                .as((mode, arn) -> registry("dockerhub", null, mode, arn));
        Arbitrary<Map<String, Object>> quay = Combinators.combine(auth, secret)
                .as((mode, arn) -> registry("quay", null, mode, arn));
        Arbitrary<Map<String, Object>> selfHosted = Combinators.combine(auth, secret, selfHostedHost)
                .as((mode, arn, host) -> registry("selfhosted", host, mode, arn));
        return Combinators.combine(dockerHub.injectNull(0.3), quay.injectNull(0.3), selfHosted.injectNull(0.3))
                .as((a, b, c) -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (Map<String, Object> registry : java.util.Arrays.asList(a, b, c)) {
                        if (registry != null) {
                            list.add(registry);
                        }
                    }
                    return list;
                });
    }

    private static Map<String, Object> registry(String type, String host, String auth, String secretArn) {
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("type", type);
        if (host != null) {
            registry.put("host", host);
        }
        registry.put("auth", auth);
        if (secretArn != null) {
            registry.put("secretArn", secretArn);
        }
        return registry;
    }

    private static String image(java.util.Random random, String host) {
        String repository = word(random, 1, 8).toLowerCase(java.util.Locale.ROOT) + "/"
                + word(random, 1, 8).toLowerCase(java.util.Locale.ROOT) + (random.nextBoolean() ? "-app" : "_svc.v2");
        String prefix = host.equals("docker.io") && random.nextBoolean() ? "" : host + "/";
        String reference = prefix + repository;
        if (random.nextInt(3) == 0) {
            StringBuilder digest = new StringBuilder("@sha256:");
            for (int i = 0; i < 64; i++) {
                digest.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            return reference + (random.nextBoolean() ? ":1.2" : "") + digest;
        }
        return reference + ":" + (random.nextBoolean() ? "v1.2.3-rc_1" : "latest");
    }

    /** Returns text without line breaks that contains shell, JSON and Fn::Sub metacharacters. */
    private static String hostileLine(java.util.Random random) {
        String pieces = "\"\\'${}()`#:=&|;<>*?!%@ ä日x";
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            value.append(pieces.charAt(random.nextInt(pieces.length())));
        }
        return value.toString();
    }

    private static String word(java.util.Random random, int min, int max) {
        StringBuilder word = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static Arbitrary<String> tagText(int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                .withChars(' ', '_', '.', ':', '/', '=', '+', '-', '@', 'ä', '日')
                .ofMinLength(min).ofMaxLength(max);
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
