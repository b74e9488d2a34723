package dev.ecsgen.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.GeneratedStack;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.resolve.ResolveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AMI sources through the whole generator: spec, plugin, planner, fragments and checks. */
class AmiSourcesTest {
    private static final String LAUNCH_DATA = "/Resources/LaunchTemplate/Properties/LaunchTemplateData";
    private static final String ASSERTION = "/Rules/RegionInAmiRegionMap/Assertions/0";

    private static PluginCatalog plugins;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadPlugins() {
        plugins = PluginCatalog.load(java.util.List.of());
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    private static String spec(String ami, String registries) {
        return """
                name: ami-test
                ami:
                %s
                %s
                tasks:
                  - name: web
                    containers:
                      - name: app
                        image: exampleorg/app:1.0
                """.formatted(ami.indent(2).stripTrailing(), registries);
    }

    private GeneratedStack generate(String specText) throws IOException {
        Path file = folder.resolve("stack.yaml");
        Files.writeString(file, specText);
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        return generator.generate(file);
    }

    private EcsgenException failure(String specText) throws IOException {
        Path file = folder.resolve("stack.yaml");
        Files.writeString(file, specText);
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> generator.generate(file));
        assertThat(thrown).isInstanceOf(EcsgenException.class);
        return (EcsgenException) thrown;
    }

    private GeneratedStack pinnedStack() throws IOException {
        Files.writeString(folder.resolve("amis.yaml"), """
                us-east-1: ami-0a1b2c3d4e5f60718
                cn-north-1: ami-0b2c3d4e5f6071829
                us-gov-west-1: ami-0c3d4e5f607182930
                """);
        return generate(spec("source: region-map\nfile: amis.yaml", ""));
    }

    @Test
    void badMapFileReachesUserWithLines() throws IOException {
        Files.writeString(folder.resolve("amis.yaml"), """
                us-east-1: ami-0a1b2c3d4e5f60718
                us-east-1: ami-0b2c3d4e5f6071829
                eu-west-9: ami-0c3d4e5f607182930
                """);

        EcsgenException e = failure(spec("source: region-map\nfile: amis.yaml", ""));

        String map = folder.resolve("amis.yaml").toString();
        assertThat(e.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo(folder.resolve("stack.yaml") + ":4:9: invalid ami.file: "
                + map + ":2:1: duplicate region us-east-1, first given at line 1: keep one entry per region\n"
                + map + ":3:1: unknown region 'eu-west-9': did you mean eu-west-1?");
    }

    @Test
    void pinnedMapUsesFindInMap() throws IOException {
        GeneratedStack stack = pinnedStack();

        JsonNode template = stack.template();
        assertThat(template.at(LAUNCH_DATA + "/ImageId").toString())
                .isEqualTo("{\"Fn::FindInMap\":[\"AmiRegionMap\",{\"Ref\":\"AWS::Region\"},\"x8664\"]}");
        assertThat(template.at("/Mappings/AmiRegionMap/cn-north-1/x8664").asText()).isEqualTo("ami-0b2c3d4e5f6071829");
        assertThat(template.at("/Parameters").has("ImageId")).isFalse();
        assertThat(stack.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "us-east-1, true",
        "cn-north-1, true",
        "us-gov-west-1, true",
        "eu-west-1, false",
        "cn-northwest-1, false",
        "us-gov-east-1, false"
    })
    void ruleAssertsMappedRegion(String region, boolean allowed) throws IOException {
        JsonNode assertion = pinnedStack().template().at(ASSERTION);

        boolean result = RuleEvaluator.evaluate(assertion.get("Assert"), PseudoParameters.forRegion(region));

        assertThat(result).isEqualTo(allowed);
        assertThat(assertion.get("AssertDescription").asText()).isEqualTo("This template pins its AMI per region and"
                + " has one for us-east-1, cn-north-1 and us-gov-west-1 only. Deploy it to one of those regions, or add"
                + " this region to amis.yaml and generate the template again.");
    }

    @Test
    void mappedRegionResolvesImage() throws IOException {
        JsonNode template = pinnedStack().template();
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of("VpcId", "vpc-1", "Subnets", "subnet-1"),
                PseudoParameters.forRegion("us-gov-west-1"));

        assertThat(resolver.resolveAt(LAUNCH_DATA + "/ImageId").asText()).isEqualTo("ami-0c3d4e5f607182930");
    }

    @Test
    void unmappedRegionFailsLookup() throws IOException {
        JsonNode template = pinnedStack().template();
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of("VpcId", "vpc-1", "Subnets", "subnet-1"),
                PseudoParameters.forRegion("eu-west-1"));

        assertThatThrownBy(() -> resolver.resolveAt(LAUNCH_DATA + "/ImageId"))
                .isInstanceOf(ResolveException.class)
                .hasMessageContaining("eu-west-1");
    }

    @Test
    void pinWritesLiteralImage() throws IOException {
        GeneratedStack stack = generate(spec("source: ecs-optimized\nvariant: al2023\npin: ami-0123456789abcdef0", ""));

        assertThat(stack.template().at(LAUNCH_DATA + "/ImageId").asText()).isEqualTo("ami-0123456789abcdef0");
        assertThat(stack.template().at("/Parameters").has("ImageId")).isFalse();
        assertThat(stack.template().has("Mappings")).isFalse();
        assertThat(stack.template().has("Rules")).isFalse();
    }

    @Test
    void launchResolveWritesSsmReference() throws IOException {
        GeneratedStack stack = generate(spec("source: ecs-optimized\nvariant: al2023-arm64\nresolve: launch", ""));

        assertThat(stack.template().at(LAUNCH_DATA + "/ImageId").asText())
                .isEqualTo("resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
        assertThat(stack.template().at("/Parameters").has("ImageId")).isFalse();
    }

    @Test
    void pinWithLaunchResolveRejected() throws IOException {
        EcsgenException e = failure(spec("source: ecs-optimized\npin: ami-0123456789abcdef0\nresolve: launch", ""));

        assertThat(e.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo(folder.resolve("stack.yaml") + ":5:12: invalid ami.resolve: 'resolve:"
                + " launch' looks the image up when an instance starts, and 'pin' fixes it: remove one of them");
    }

    @Test
    void bottlerocketWritesTomlUserData() throws IOException {
        GeneratedStack stack = generate(spec("source: ecs-optimized\nvariant: bottlerocket",
                "registries:\n  - type: dockerhub\n    auth: task"));

        JsonNode userData = stack.template().at(LAUNCH_DATA + "/UserData");
        assertThat(userData.toString())
                .isEqualTo("{\"Fn::Base64\":{\"Fn::Sub\":\"[settings.ecs]\\ncluster = \\\"${Cluster}\\\"\\n\"}}");
        assertThat(stack.template().at("/Parameters/ImageId/Default").asText())
                .isEqualTo("/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id");
    }

    @Test
    void bottlerocketWithAgentAuthRejected() throws IOException {
        EcsgenException e = failure(spec("source: ecs-optimized\nvariant: bottlerocket",
                "registries:\n  - type: dockerhub\n    auth: agent"));

        assertThat(e.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo(folder.resolve("stack.yaml") + ":7:11: registries[0] (dockerhub) uses"
                + " auth: agent, which the TOML user data of this AMI variant cannot configure: set 'auth: task' to"
                + " pass the credentials through each task definition, or choose an Amazon Linux variant");
    }

    @Test
    void pinnedBottlerocketWritesTomlUserData() throws IOException {
        Files.writeString(folder.resolve("amis.yaml"), "us-east-1:\n  x86_64: ami-0a1b2c3d4e5f60718\n");

        GeneratedStack stack = generate(spec("source: region-map\nfile: amis.yaml\nvariant: bottlerocket", ""));

        assertThat(stack.template().at(LAUNCH_DATA + "/UserData/Fn::Base64/Fn::Sub").asText())
                .isEqualTo("[settings.ecs]\ncluster = \"${Cluster}\"\n");
    }

    /**
     * Evaluates the functions of a template rule assertion that ecsgen writes: {@code Fn::Contains},
     * {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not} and {@code Ref} to a pseudo
     * parameter. The template resolver has no {@code Fn::Contains}, which only rules use.
     */
    static final class RuleEvaluator {
        private RuleEvaluator() {
        }

        static boolean evaluate(JsonNode condition, PseudoParameters pseudo) {
            JsonNode value = value(condition, pseudo);
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("assertion does not evaluate to true or false: " + condition);
            }
            return value.booleanValue();
        }

        private static JsonNode value(JsonNode node, PseudoParameters pseudo) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            if (node.isArray()) {
                var list = nodes.arrayNode();
                node.forEach(element -> list.add(value(element, pseudo)));
                return list;
            }
            if (!node.isObject() || node.size() != 1) {
                return node;
            }
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            return switch (function) {
                case "Ref" -> nodes.textNode(pseudo(argument.asText(), pseudo));
                case "Fn::Contains" -> {
                    JsonNode list = value(argument.get(0), pseudo);
                    JsonNode item = value(argument.get(1), pseudo);
                    boolean found = false;
                    for (JsonNode element : list) {
                        found |= element.equals(item);
                    }
                    yield nodes.booleanNode(found);
                }
                case "Fn::Equals" -> nodes.booleanNode(value(argument.get(0), pseudo).equals(value(argument.get(1), pseudo)));
                case "Fn::Not" -> nodes.booleanNode(!evaluate(argument.get(0), pseudo));
                case "Fn::And", "Fn::Or" -> {
                    boolean and = function.equals("Fn::And");
                    boolean result = and;
                    for (JsonNode element : argument) {
                        result = and ? result && evaluate(element, pseudo) : result || evaluate(element, pseudo);
                    }
                    yield nodes.booleanNode(result);
                }
                default -> throw new IllegalArgumentException("function " + function + " is not supported in rules here");
            };
        }

        private static String pseudo(String name, PseudoParameters pseudo) {
            return switch (name) {
                case "AWS::Region" -> pseudo.region();
                case "AWS::Partition" -> pseudo.partition();
                case "AWS::AccountId" -> pseudo.accountId();
                default -> throw new IllegalArgumentException("Ref " + name + " is not a pseudo parameter this test knows");
            };
        }
    }
}
