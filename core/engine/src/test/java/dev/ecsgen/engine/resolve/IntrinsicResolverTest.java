package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IntrinsicResolverTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A small ECS template with one of each section that the functions read. */
    private static final String TEMPLATE = """
            Parameters:
              ClusterName:
                Type: String
                Default: main
              Environment:
                Type: String
                AllowedValues: [dev, prod]
                Default: dev
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
                Default: subnet-1,subnet-2
              Tags:
                Type: CommaDelimitedList
                Default: "a, b ,c"
              Count:
                Type: Number
                Default: 2
              ImageId:
                Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                Default: /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id
            Mappings:
              RegionMap:
                us-east-1:
                  Ami: ami-east
                  Zones: [x, y]
                eu-west-1:
                  Ami: ami-west
            Conditions:
              IsProd:
                Fn::Equals: [{Ref: Environment}, prod]
              IsDev:
                Fn::Not: [{Condition: IsProd}]
              IsTwo:
                Fn::Equals: [{Ref: Count}, 2]
              DevAndTwo:
                Fn::And: [{Condition: IsDev}, {Condition: IsTwo}]
              ProdOrTwo:
                Fn::Or: [{Condition: IsProd}, {Fn::Equals: [{Ref: Count}, "2"]}]
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
              Role:
                Type: AWS::IAM::Role
              ProdOnly:
                Type: AWS::SNS::Topic
                Condition: IsProd
            """;

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IntrinsicResolver resolver(Map<String, String> values) {
        return new IntrinsicResolver(yaml(TEMPLATE), values, PseudoParameters.defaults());
    }

    private static JsonNode resolve(String value) {
        return resolver(Map.of()).resolve(yaml(value));
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.textValue()), StandardCharsets.UTF_8);
    }

    @Test
    void refParameterGivenValue() {
        JsonNode value = resolver(Map.of("ClusterName", "blue")).resolve(yaml("{Ref: ClusterName}"));

        assertThat(value.textValue()).isEqualTo("blue");
    }

    @Test
    void refParameterDefault() {
        assertThat(resolve("{Ref: ClusterName}").textValue()).isEqualTo("main");
    }

    @Test
    void refNumberParameterIsString() {
        assertThat(resolve("{Ref: Count}").isTextual()).isTrue();
        assertThat(resolve("{Ref: Count}").textValue()).isEqualTo("2");
    }

    @Test
    void refListParameterIsArray() {
        assertThat(resolve("{Ref: Subnets}")).isEqualTo(yaml("[subnet-1, subnet-2]"));
    }

    @Test
    void refCommaDelimitedListTrimsMembers() {
        assertThat(resolve("{Ref: Tags}")).isEqualTo(yaml("[a, b, c]"));
    }

    @Test
    void refSsmParameterIsPlaceholder() {
        assertThat(resolve("{Ref: ImageId}").textValue())
                .isEqualTo("ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
    }

    @Test
    void refResourceIsStackNameAndLogicalId() {
        assertThat(resolve("{Ref: Cluster}").textValue()).isEqualTo("ecsgen-preview-Cluster");
    }

    @Test
    void refPseudoParameters() {
        PseudoParameters pseudo = new PseudoParameters("eu-west-1", "111122223333", "blue", null);
        IntrinsicResolver resolver = new IntrinsicResolver(yaml(TEMPLATE), Map.of(), pseudo);

        assertThat(resolver.resolve(yaml("{Ref: AWS::Region}")).textValue()).isEqualTo("eu-west-1");
        assertThat(resolver.resolve(yaml("{Ref: AWS::AccountId}")).textValue()).isEqualTo("111122223333");
        assertThat(resolver.resolve(yaml("{Ref: AWS::StackName}")).textValue()).isEqualTo("blue");
        assertThat(resolver.resolve(yaml("{Ref: AWS::StackId}")).textValue())
                .isEqualTo("arn:aws:cloudformation:eu-west-1:111122223333:stack/blue/00000000-0000-0000-0000-000000000000");
        assertThat(resolver.resolve(yaml("{Ref: AWS::NotificationARNs}"))).isEqualTo(yaml("[]"));
        assertThat(resolver.resolve(yaml("{Ref: Cluster}")).textValue()).isEqualTo("blue-Cluster");
    }

    @ParameterizedTest
    @CsvSource({
        "cn-north-1,    aws-cn,     amazonaws.com.cn",
        "us-gov-west-1, aws-us-gov, amazonaws.com",
        "eu-west-1,     aws,        amazonaws.com",
    })
    void partitionPerRegion(String region, String partition, String urlSuffix) {
        IntrinsicResolver resolver = new IntrinsicResolver(yaml(TEMPLATE), Map.of(), PseudoParameters.forRegion(region));

        assertThat(resolver.resolve(yaml("{Ref: AWS::Partition}")).textValue()).isEqualTo(partition);
        assertThat(resolver.resolve(yaml("{Ref: AWS::URLSuffix}")).textValue()).isEqualTo(urlSuffix);
        assertThat(resolver.resolve(yaml("{Ref: AWS::StackId}")).textValue())
                .startsWith("arn:" + partition + ":cloudformation:" + region + ":123456789012:stack/ecsgen-preview/");
    }

    @Test
    void pseudoParameterDefaults() {
        PseudoParameters pseudo = PseudoParameters.defaults();

        assertThat(pseudo.region()).isEqualTo("us-east-1");
        assertThat(pseudo.accountId()).isEqualTo("123456789012");
        assertThat(pseudo.stackName()).isEqualTo("ecsgen-preview");
        assertThat(pseudo.partition()).isEqualTo("aws");
    }

    @Test
    void noValueRemovesObjectKey() {
        JsonNode value = resolve("{Keep: 1, Drop: {Ref: AWS::NoValue}}");

        assertThat(value).isEqualTo(yaml("{Keep: 1}"));
    }

    @Test
    void noValueRemovesArrayElement() {
        JsonNode value = resolve("[a, {Ref: AWS::NoValue}, b]");

        assertThat(value).isEqualTo(yaml("[a, b]"));
    }

    @Test
    void noValueFromIfRemovesKey() {
        JsonNode value = resolve("{Topic: {Fn::If: [IsProd, {Ref: ProdOnly}, {Ref: AWS::NoValue}]}, Name: x}");

        assertThat(value).isEqualTo(yaml("{Name: x}"));
    }

    @Test
    void noValueAtTopIsMissingNode() {
        assertThat(resolve("{Ref: AWS::NoValue}").isMissingNode()).isTrue();
    }

    @Test
    void getAttListForm() {
        assertThat(resolve("{Fn::GetAtt: [Role, Arn]}").textValue()).isEqualTo("Role.Arn");
    }

    @Test
    void getAttDottedForm() {
        assertThat(resolve("{Fn::GetAtt: Cluster.Arn}").textValue()).isEqualTo("Cluster.Arn");
    }

    @Test
    void getAttAttributeWithDots() {
        assertThat(resolve("{Fn::GetAtt: Cluster.Endpoint.Address}").textValue()).isEqualTo("Cluster.Endpoint.Address");
    }

    @Test
    void subStringForm() {
        JsonNode value = resolve("{Fn::Sub: 'cluster=${ClusterName} region=${AWS::Region} arn=${Role.Arn} ref=${Cluster}'}");

        assertThat(value.textValue())
                .isEqualTo("cluster=main region=us-east-1 arn=Role.Arn ref=ecsgen-preview-Cluster");
    }

    @Test
    void subLiteralEscape() {
        JsonNode value = resolve("{Fn::Sub: 'echo ${!HOME} ${!AWS::Region} $HOME $ {x} ${ClusterName}'}");

        assertThat(value.textValue()).isEqualTo("echo ${HOME} ${AWS::Region} $HOME $ {x} main");
    }

    @Test
    void subUnclosedBraceIsLiteral() {
        assertThat(resolve("{Fn::Sub: 'a ${ClusterName} ${unclosed'}").textValue()).isEqualTo("a main ${unclosed");
    }

    @Test
    void subVariableMapWinsOverParameter() {
        JsonNode value = resolve("{Fn::Sub: ['${ClusterName}-${Extra}', {ClusterName: override, Extra: {Ref: Environment}}]}");

        assertThat(value.textValue()).isEqualTo("override-dev");
    }

    @Test
    void subVariableMapValueBase64() {
        JsonNode value = resolve("""
                Fn::Sub:
                  - "echo ${Encoded} | base64 -d"
                  - Encoded:
                      Fn::Base64: {Fn::Sub: "ECS_CLUSTER=${Cluster}"}
                """);

        String encoded = Base64.getEncoder().encodeToString("ECS_CLUSTER=ecsgen-preview-Cluster".getBytes(StandardCharsets.UTF_8));
        assertThat(value.textValue()).isEqualTo("echo " + encoded + " | base64 -d");
    }

    @Test
    void joinLiteralList() {
        assertThat(resolve("{Fn::Join: ['-', [a, {Ref: ClusterName}, 3]]}").textValue()).isEqualTo("a-main-3");
    }

    @Test
    void joinListParameter() {
        assertThat(resolve("{Fn::Join: [',', {Ref: Subnets}]}").textValue()).isEqualTo("subnet-1,subnet-2");
    }

    @Test
    void joinSkipsNoValue() {
        assertThat(resolve("{Fn::Join: [',', [a, {Fn::If: [IsProd, b, {Ref: AWS::NoValue}]}, c]]}").textValue())
                .isEqualTo("a,c");
    }

    @Test
    void joinEmptyList() {
        assertThat(resolve("{Fn::Join: [',', []]}").textValue()).isEmpty();
    }

    @Test
    void base64OfJoinOfRefs() {
        JsonNode value = resolve("{Fn::Base64: {Fn::Join: ['', [\"#!/bin/bash\\n\", 'echo ', {Ref: ClusterName}, ' ', {Ref: AWS::Region}]]}}");

        assertThat(decode(value)).isEqualTo("#!/bin/bash\necho main us-east-1");
    }

    @Test
    void base64UsesUtf8AndPadding() {
        assertThat(resolve("{Fn::Base64: 'é'}").textValue()).isEqualTo("w6k=");
        assertThat(resolve("{Fn::Base64: 'ab'}").textValue()).isEqualTo("YWI=");
        assertThat(resolve("{Fn::Base64: ''}").textValue()).isEmpty();
    }

    @Test
    void selectNumberAndStringIndex() {
        assertThat(resolve("{Fn::Select: [1, [a, b, c]]}").textValue()).isEqualTo("b");
        assertThat(resolve("{Fn::Select: ['2', [a, b, c]]}").textValue()).isEqualTo("c");
    }

    @Test
    void selectFromGetAzs() {
        assertThat(resolve("{Fn::Select: [0, {Fn::GetAZs: ''}]}").textValue()).isEqualTo("us-east-1a");
    }

    @Test
    void selectFromListParameter() {
        assertThat(resolve("{Fn::Select: [1, {Ref: Subnets}]}").textValue()).isEqualTo("subnet-2");
    }

    @Test
    void splitKeepsEmptyParts() {
        assertThat(resolve("{Fn::Split: [',', 'a,,b,']}")).isEqualTo(yaml("[a, '', b, '']"));
    }

    @Test
    void splitMultiCharacterDelimiter() {
        assertThat(resolve("{Fn::Split: ['::', {Fn::Sub: 'x::${ClusterName}::y'}]}")).isEqualTo(yaml("[x, main, y]"));
    }

    @Test
    void splitDelimiterIsNotRegex() {
        assertThat(resolve("{Fn::Split: ['.', 'a.b']}")).isEqualTo(yaml("[a, b]"));
    }

    @Test
    void findInMapWithRefKey() {
        assertThat(resolve("{Fn::FindInMap: [RegionMap, {Ref: AWS::Region}, Ami]}").textValue()).isEqualTo("ami-east");
    }

    @Test
    void findInMapReturnsList() {
        assertThat(resolve("{Fn::FindInMap: [RegionMap, us-east-1, Zones]}")).isEqualTo(yaml("[x, y]"));
    }

    @Test
    void findInMapNestedFunctionKey() {
        IntrinsicResolver resolver = new IntrinsicResolver(yaml(TEMPLATE), Map.of(), PseudoParameters.forRegion("eu-west-1"));

        JsonNode value = resolver.resolve(yaml("{Fn::FindInMap: [RegionMap, {Fn::Sub: '${AWS::Region}'}, Ami]}"));

        assertThat(value.textValue()).isEqualTo("ami-west");
    }

    @Test
    void getAzsNamedRegion() {
        assertThat(resolve("{Fn::GetAZs: eu-west-1}")).isEqualTo(yaml("[eu-west-1a, eu-west-1b, eu-west-1c]"));
        assertThat(resolve("{Fn::GetAZs: {Ref: AWS::Region}}")).isEqualTo(yaml("[us-east-1a, us-east-1b, us-east-1c]"));
    }

    @Test
    void importValuePlaceholder() {
        assertThat(resolve("{Fn::ImportValue: {Fn::Sub: '${Environment}-VpcId'}}").textValue()).isEqualTo("import:dev-VpcId");
    }

    @Test
    void ifChoosesBranchByCondition() {
        String value = "{Fn::If: [IsProd, large, small]}";

        assertThat(resolver(Map.of()).resolve(yaml(value)).textValue()).isEqualTo("small");
        assertThat(resolver(Map.of("Environment", "prod")).resolve(yaml(value)).textValue()).isEqualTo("large");
    }

    @Test
    void ifSkipsUnchosenBranch() {
        // The true branch refers to a resource that does not exist while IsProd is false.
        JsonNode value = resolve("{Fn::If: [IsProd, {Ref: ProdOnly}, none]}");

        assertThat(value.textValue()).isEqualTo("none");
    }

    @Test
    void conditionsFromSection() {
        IntrinsicResolver dev = resolver(Map.of());
        IntrinsicResolver prod = resolver(Map.of("Environment", "prod", "Count", "3"));

        assertThat(dev.condition("IsProd")).isFalse();
        assertThat(dev.condition("IsDev")).isTrue();
        assertThat(dev.condition("IsTwo")).isTrue();
        assertThat(dev.condition("DevAndTwo")).isTrue();
        assertThat(dev.condition("ProdOrTwo")).isTrue();
        assertThat(prod.condition("IsProd")).isTrue();
        assertThat(prod.condition("IsDev")).isFalse();
        assertThat(prod.condition("IsTwo")).isFalse();
        assertThat(prod.condition("DevAndTwo")).isFalse();
        assertThat(prod.condition("ProdOrTwo")).isTrue();
    }

    @Test
    void conditionFunctionsInline() {
        assertThat(resolve("{Fn::Equals: [a, a]}").booleanValue()).isTrue();
        assertThat(resolve("{Fn::Not: [{Fn::Equals: [a, b]}]}").booleanValue()).isTrue();
        assertThat(resolve("{Fn::And: [{Condition: IsDev}, {Fn::Equals: [1, '1']}]}").booleanValue()).isTrue();
        assertThat(resolve("{Fn::Or: [{Condition: IsProd}, {Fn::Equals: [x, y]}]}").booleanValue()).isFalse();
    }

    @Test
    void conditionKeyOutsideConditionsIsData() {
        // A lone Condition key outside Fn::And, Fn::Or and Fn::Not is kept as an ordinary property.
        assertThat(resolve("{Condition: IsProd}")).isEqualTo(yaml("{Condition: IsProd}"));
    }

    @Test
    void resolveConditionsSection() {
        JsonNode template = yaml("""
                Parameters:
                  Environment: {Type: String, Default: prod}
                Conditions:
                  IsProd: {Fn::Equals: [{Ref: Environment}, prod]}
                  AlsoProd: {Condition: IsProd}
                """);
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of(), PseudoParameters.defaults());

        assertThat(resolver.resolveAt("/Conditions")).isEqualTo(yaml("{IsProd: true, AlsoProd: true}"));
    }

    @Test
    void resolveAtKeepsOtherKeys() {
        JsonNode template = yaml("""
                Resources:
                  LaunchTemplate:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        ImageId: ami-1
                        UserData: {Fn::Base64: {Fn::Sub: "#!/bin/bash\\necho ECS_CLUSTER=${LaunchTemplate} >> /etc/ecs/ecs.config\\n"}}
                """);
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of(), PseudoParameters.defaults());

        JsonNode data = resolver.resolveAt("/Resources/LaunchTemplate/Properties/LaunchTemplateData");

        assertThat(data.get("ImageId").textValue()).isEqualTo("ami-1");
        assertThat(decode(data.get("UserData")))
                .isEqualTo("#!/bin/bash\necho ECS_CLUSTER=ecsgen-preview-LaunchTemplate >> /etc/ecs/ecs.config\n");
    }

    /** Placeholders are written unquoted in the script, so they must be plain words to the shell. */
    @Test
    void userDataRunsUnderBash(@TempDir Path directory) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash");
        Path config = directory.resolve("ecs.config");
        JsonNode userData = resolver(Map.of("ClusterName", "\"quoted\" $HOME `x`")).resolve(yaml("""
                Fn::Base64:
                  Fn::Sub:
                    - |
                      #!/bin/bash
                      set -euo pipefail
                      echo ECS_CLUSTER=${Cluster} >> "$1"
                      echo ROLE=${Role.Arn} IMPORT=${Shared} >> "$1"
                      echo 'NAME=${ClusterName}' >> "$1"
                      echo "HOME_LITERAL=${!HOME}" >> "$1"
                    - Shared: {Fn::ImportValue: shared-vpc}
                """));
        Path script = directory.resolve("user-data.sh");
        Files.writeString(script, decode(userData), StandardCharsets.UTF_8);

        ProcessBuilder command = new ProcessBuilder("/bin/bash", script.toString(), config.toString()).redirectErrorStream(true);
        command.environment().put("HOME", "/home/instance");
        Process bash = command.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(output).isZero();
        assertThat(Files.readAllLines(config)).containsExactly(
                "ECS_CLUSTER=ecsgen-preview-Cluster",
                "ROLE=Role.Arn IMPORT=import:shared-vpc",
                "NAME=\"quoted\" $HOME `x`",
                "HOME_LITERAL=/home/instance");
    }

    @Test
    void resolveLeavesInputUnchanged() {
        JsonNode template = yaml(TEMPLATE);
        JsonNode before = template.deepCopy();
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of(), PseudoParameters.defaults());

        resolver.resolve(template);

        assertThat(template).isEqualTo(before);
    }

    @Test
    void resolveIsDeterministic() {
        String value = "{A: {Ref: Cluster}, B: {Fn::GetAtt: [Role, Arn]}, C: {Ref: AWS::StackId}, D: {Fn::GetAZs: ''}}";

        assertThat(resolve(value)).isEqualTo(resolve(value));
    }
}
