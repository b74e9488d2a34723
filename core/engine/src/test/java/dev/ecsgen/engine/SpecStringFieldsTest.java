package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.testing.AgentBoot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Puts each hostile character into every string a spec can carry and checks that the spec is either rejected
 * with a message that names the location and the allowed form, or generates a template that passes the checks
 * and carries the value unchanged.
 */
class SpecStringFieldsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:pull-AbCdEf";
    private static final String KMS_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** Each hostile value, by label. Every value starts and ends with letters, so only the character is hostile. */
    private static final Map<String, String> VALUES = values();

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    /**
     * One spec field: where it goes, the allowed form its rejection message states, and the labels of the values
     * it accepts (empty when it accepts none of them).
     */
    private record Field(String name, BiConsumer<Map<String, Object>, String> put, String expectedForm,
                         Set<String> accepted) {
    }

    private static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("double quote", "ab\"cd");
        values.put("backslash", "ab\\cd");
        values.put("single quote", "ab'cd");
        values.put("braced variable", "ab${AWS::Region}cd");
        values.put("command substitution", "ab$(touch pwned)cd");
        values.put("backticks", "ab`id`cd");
        values.put("newline", "ab\ncd");
        values.put("NUL", "ab\u0000cd");
        values.put("right-to-left override", "ab\u202ecd");
        values.put("left-to-right isolate", "ab\u2066cd");
        return values;
    }

    private static List<Field> fields() {
        Set<String> shellText = Set.of("double quote", "backslash", "single quote", "braced variable",
                "command substitution", "backticks");
        Set<String> multiLineText = new java.util.HashSet<>(shellText);
        multiLineText.add("newline");
        String textForm = "text without control characters or invisible formatting marks";
        return List.of(
                new Field("name", (spec, value) -> spec.put("name", value),
                        "a letter, then up to 63 letters, digits and '-', e.g. web-cluster", Set.of()),
                new Field("description", (spec, value) -> spec.put("description", value), textForm, multiLineText),
                new Field("tasks[0].name", (spec, value) -> task(spec).put("name", value),
                        "a letter, then up to 63 letters, digits and '-', e.g. web", Set.of()),
                new Field("tasks[0].containers[0].name", (spec, value) -> container(spec).put("name", value),
                        "1 to 255 letters, digits, '-' and '_', e.g. nginx", Set.of()),
                new Field("tasks[0].containers[0].image", (spec, value) -> container(spec).put("image", "team/" + value),
                        "image reference", Set.of()),
                new Field("tasks[0].containers[0].environment name",
                        (spec, value) -> container(spec).put("environment", Map.of(value, "v")),
                        "expected a letter or '_', then letters, digits and '_'", Set.of()),
                new Field("tasks[0].containers[0].environment value",
                        (spec, value) -> container(spec).put("environment", Map.of("VALUE", value)), textForm, shellText),
                new Field("registries[0].host", (spec, value) -> registry(spec, "selfhosted").put("host", value),
                        "host[:port]", Set.of()),
                new Field("registries[0].id", (spec, value) -> registry(spec, "dockerhub").put("id", value),
                        "a letter then up to 63 letters or digits, e.g. InternalRegistry", Set.of()),
                new Field("registries[0].secretArn", (spec, value) -> registry(spec, "quay").put("secretArn", value),
                        "a Secrets Manager secret ARN", Set.of()),
                new Field("registries[0].secretArn suffix",
                        (spec, value) -> registry(spec, "quay").put("secretArn", SECRET_ARN + value),
                        "a Secrets Manager secret ARN", Set.of()),
                new Field("registries[0].kmsKeyArn",
                        (spec, value) -> registry(spec, "quay").put("kmsKeyArn", KMS_ARN + value),
                        "a KMS key ARN", Set.of()),
                new Field("tags key", (spec, value) -> spec.put("tags", Map.of(value, "v")),
                        "expected 1 to 128 letters, digits, spaces and _ . : / = + - @", Set.of()),
                new Field("tags value", (spec, value) -> spec.put("tags", Map.of("team", value)),
                        "expected up to 256 letters, digits, spaces and _ . : / = + - @", Set.of()));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Field field : fields()) {
            for (Map.Entry<String, String> value : VALUES.entrySet()) {
                cases.add(Arguments.of(field.name(), value.getKey(), field, value.getValue()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void hostileValueIsRejectedOrCarriedSafely(String fieldName, String label, Field field, String value)
            throws Exception {
        Map<String, Object> spec = baseSpec();
        field.put().accept(spec, value);
        String yaml = YAML.writeValueAsString(spec);
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());

        if (!field.accepted().contains(label)) {
            EcsgenException error = catchThrowableOfType(EcsgenException.class,
                    () -> generator.generate(new SpecLoader().parse("spec.yaml", null, yaml)));
            assertThat(error).as("rejection of %s in %s", label, fieldName).isNotNull();
            assertThat(error.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
            assertThat(error.getMessage()).matches("(?s)spec\\.yaml:\\d+:\\d+: .*");
            assertThat(error.getMessage()).contains(field.expectedForm());
            assertThat(error.getMessage()).doesNotContain("\u0000", "\u202e", "\u2066");
            return;
        }

        GeneratedStack stack = generator.generate(new SpecLoader().parse("spec.yaml", null, yaml));
        JsonNode template = JSON.readTree(stack.text());
        List<Finding> findings = TemplateChecker.standard().check("spec.json", template,
                stack.text().getBytes(StandardCharsets.UTF_8).length);
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.ERROR).isEmpty();
        if (fieldName.equals("description")) {
            assertThat(template.path("Description").textValue()).isEqualTo(value);
        } else {
            IntrinsicResolver resolver = new IntrinsicResolver(template, AgentBoot.parameterValues(template, Map.of()),
                    PseudoParameters.defaults());
            JsonNode containers = resolver.resolveAt("/Resources/AppTaskDefinition/Properties/ContainerDefinitions");
            assertThat(containers.get(0).path("Environment").get(0).path("Value").textValue()).isEqualTo(value);
        }
    }

    private static Map<String, Object> baseSpec() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "app");
        container.put("image", "quay.io/team/app:1.0");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", "app");
        task.put("containers", new ArrayList<>(List.of(container)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "web");
        spec.put("tasks", new ArrayList<>(List.of(task)));
        return spec;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(Map<String, Object> spec) {
        return (Map<String, Object>) ((List<Object>) spec.get("tasks")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> spec) {
        return (Map<String, Object>) ((List<Object>) task(spec).get("containers")).get(0);
    }

    private static Map<String, Object> registry(Map<String, Object> spec, String type) {
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("type", type);
        if (type.equals("selfhosted")) {
            registry.put("host", "registry.example.com:5000");
        }
        spec.put("registries", List.of(registry));
        return registry;
    }
}
