package dev.ecsgen.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.EcsgenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode yaml(String text) {
        return TemplateReader.parse("t.yaml", text).template();
    }

    private static int exitCode(Throwable error) {
        return ((EcsgenException) error).exitCode();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "!Ref Queue|{\"Ref\":\"Queue\"}",
            "!Condition IsProd|{\"Condition\":\"IsProd\"}",
            "!GetAtt Queue.Arn|{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}",
            "!GetAtt Db.Endpoint.Address|{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}",
            "!GetAtt [Queue, Arn]|{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}",
            "!GetAtt QueueArn|{\"Fn::GetAtt\":\"QueueArn\"}",
            "!Sub '${AWS::StackName}-q'|{\"Fn::Sub\":\"${AWS::StackName}-q\"}",
            "!Sub ['${A}', {A: !Ref B}]|{\"Fn::Sub\":[\"${A}\",{\"A\":{\"Ref\":\"B\"}}]}",
            "!Join [',', [a, !Ref B]]|{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}",
            "!Base64 text|{\"Fn::Base64\":\"text\"}",
            "!Base64 123|{\"Fn::Base64\":\"123\"}",
            "!If [C, 1, 2]|{\"Fn::If\":[\"C\",1,2]}",
            "!Equals [a, b]|{\"Fn::Equals\":[\"a\",\"b\"]}",
            "!Not [!Condition C]|{\"Fn::Not\":[{\"Condition\":\"C\"}]}",
            "!And [!Condition A, !Condition B]|{\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}",
            "!Or [!Condition A, !Condition B]|{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}",
            "!FindInMap [M, !Ref AWS::Region, K]|{\"Fn::FindInMap\":[\"M\",{\"Ref\":\"AWS::Region\"},\"K\"]}",
            "!Select [0, !GetAZs '']|{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}",
            "!Split [',', 'a,b']|{\"Fn::Split\":[\",\",\"a,b\"]}",
            "!ImportValue Shared|{\"Fn::ImportValue\":\"Shared\"}",
            "!Cidr [10.0.0.0/16, 4, 8]|{\"Fn::Cidr\":[\"10.0.0.0/16\",4,8]}",
            "!Length [a, b]|{\"Fn::Length\":[\"a\",\"b\"]}",
            "!ToJsonString {A: !Ref B}|{\"Fn::ToJsonString\":{\"A\":{\"Ref\":\"B\"}}}",
            "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}|{\"Fn::Transform\":{\"Name\":\"AWS::Include\",\"Parameters\":{\"Location\":\"s3://b/k\"}}}",
            "!!str 12|\"12\"",
    })
    void shortFormBecomesLongForm(String value, String expected) throws Exception {
        assertThat(yaml("Value: " + value + "\n").get("Value")).isEqualTo(json(expected));
    }

    @Test
    void quotedTagTextStaysString() throws Exception {
        assertThat(yaml("Value: '!Ref Queue'\n").get("Value")).isEqualTo(json("\"!Ref Queue\""));
    }

    @Test
    void blockMappingWithTag() throws Exception {
        JsonNode template = yaml("""
                UserData:
                  Fn::Base64: !Sub
                    - "${A}"
                    - A: !Base64
                        Fn::Join: ["", [!Ref U, ":", !Ref P]]
                """);

        assertThat(template).isEqualTo(json("""
                {"UserData": {"Fn::Base64": {"Fn::Sub": ["${A}", {"A": {"Fn::Base64": {"Fn::Join": ["", [{"Ref": "U"}, ":", {"Ref": "P"}]]}}}]}}}
                """));
    }

    @Test
    void convertsShortFormTagsInTemplate() throws Exception {
        JsonNode template = yaml("""
                Resources:
                  LT:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      A: !Ref Name
                      B: !GetAtt Role.Arn
                      C: !GetAtt [Role, Arn]
                      D: !Base64
                        Fn::Sub: "x-${AWS::Region}"
                      E: !Sub
                        - "${X}"
                        - X: !Join [":", [a, !Select [0, !GetAZs ""]]]
                      F: !If [Cond, !ImportValue Shared, !Ref "AWS::NoValue"]
                      G: !Split [",", !FindInMap [M, K, V]]
                Conditions:
                  Cond: !And [!Equals [a, a], !Not [!Condition Other], !Or [!Condition Other, true]]
                """);

        assertThat(template.at("/Resources/LT/Properties")).isEqualTo(json("""
                {"A": {"Ref": "Name"},
                 "B": {"Fn::GetAtt": ["Role", "Arn"]},
                 "C": {"Fn::GetAtt": ["Role", "Arn"]},
                 "D": {"Fn::Base64": {"Fn::Sub": "x-${AWS::Region}"}},
                 "E": {"Fn::Sub": ["${X}", {"X": {"Fn::Join": [":", ["a", {"Fn::Select": [0, {"Fn::GetAZs": ""}]}]]}}]},
                 "F": {"Fn::If": ["Cond", {"Fn::ImportValue": "Shared"}, {"Ref": "AWS::NoValue"}]},
                 "G": {"Fn::Split": [",", {"Fn::FindInMap": ["M", "K", "V"]}]}}
                """));
        assertThat(template.at("/Conditions/Cond")).isEqualTo(json("""
                {"Fn::And": [{"Fn::Equals": ["a", "a"]}, {"Fn::Not": [{"Condition": "Other"}]},
                             {"Fn::Or": [{"Condition": "Other"}, true]}]}
                """));
    }

    @Test
    void keepsDatesAndLeadingZerosAsText() {
        JsonNode template = yaml("AWSTemplateFormatVersion: 2010-09-09\nA: 0755\nB: 12\nC: yes\nD: 1.5\n");

        assertThat(template.get("AWSTemplateFormatVersion").isTextual()).isTrue();
        assertThat(template.get("AWSTemplateFormatVersion").textValue()).isEqualTo("2010-09-09");
        assertThat(template.get("A").textValue()).isEqualTo("0755");
        assertThat(template.get("B").isIntegralNumber()).isTrue();
        assertThat(template.get("C").textValue()).isEqualTo("yes");
        assertThat(template.get("D").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void linesByPointer() {
        String text = """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Name
                      Tags:
                        - Key: a
                          Value: !GetAtt Other.Arn
                """;
        TemplateFile file = TemplateReader.parse("t.yaml", text);

        assertThat(file.lineOf("")).isEqualTo(1);
        assertThat(file.lineOf("/Resources/Queue")).isEqualTo(2);
        assertThat(file.lineOf("/Resources/Queue/Properties/QueueName/Ref")).isEqualTo(5);
        assertThat(file.lineOf("/Resources/Queue/Properties/Tags/0/Value/Fn::GetAtt/1")).isEqualTo(8);
        assertThat(file.lineOf("/Resources/Queue/Properties/Tags/0/Value/Missing")).isEqualTo(8);
    }

    @Test
    void jsonLines() {
        String text = "{\n  \"Resources\": {\n    \"Queue\": {\"Type\": \"AWS::SQS::Queue\"}\n  }\n}\n";
        TemplateFile file = TemplateReader.parse("t.json", text);

        assertThat(file.lineOf("/Resources/Queue/Type")).isEqualTo(3);
        assertThat(file.bytes()).isEqualTo(text.length());
    }

    @Test
    void jsonWithoutJsonNameIsJson() {
        TemplateFile file = TemplateReader.parse("t.template", "{\"Resources\": {\"A\": {\"Type\": \"X\", \"N\": 1.5}}}");

        assertThat(file.template().at("/Resources/A/N").isDouble()).isTrue();
    }

    @Test
    void yamlFlowMappingStartingWithBraceIsYaml() {
        TemplateFile file = TemplateReader.parse("t.yaml", "{Resources: {A: {Type: X, V: !Ref P}}}\n");

        assertThat(file.template().at("/Resources/A/V/Ref").textValue()).isEqualTo("P");
    }

    @Test
    void emptyFileIsInvalid() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", ""))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml: the template is empty; a CloudFormation template is an object with a Resources section");
    }

    @Test
    void commentOnlyFileIsEmpty() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "# nothing yet\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml: the template is empty; a CloudFormation template is an object with a Resources section");
    }

    @Test
    void emptyJsonFileIsInvalid() {
        assertThatThrownBy(() -> TemplateReader.parse("t.json", "  \n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.json: the template is empty; a CloudFormation template is an object with a Resources section");
    }

    @Test
    void rejectsNonMappingDocument() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "- a\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:1:1: the template must be a mapping with a Resources section, but it is an array.");
    }

    @Test
    void rejectsJsonArrayDocument() {
        assertThatThrownBy(() -> TemplateReader.parse("t.json", "\n  [1]"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.json:2:3: the template must be a mapping with a Resources section, but it is an array.");
    }

    @Test
    void rejectsTaggedDocument() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "!Ref X\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:1:1: the template must be a mapping with a Resources section, but it is a function call.");
    }

    @Test
    void reportsUnknownTagWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: !Reff X\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.yaml:2:6: unknown tag !Reff; CloudFormation accepts the short forms !And,"
                        + " !Base64, !Cidr, !Condition, !Equals, !FindInMap, !GetAZs, !GetAtt, !If, !ImportValue, !Join,"
                        + " !Length, !Not, !Or, !Ref, !Select, !Split, !Sub, !ToJsonString, !Transform");
    }

    @Test
    void reportsDuplicateKeyWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: 1\n  A: 2\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:3:3: duplicate key 'A' in /Resources; CloudFormation keeps only one of them, so"
                        + " remove or rename the other");
    }

    @Test
    void reportsJsonDuplicateKeyWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.json", "{\"Resources\": {},\n \"Resources\": {}}"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.json:2:2: duplicate key 'Resources' in /; CloudFormation keeps only one of them, so"
                        + " remove or rename the other");
    }

    @Test
    void rejectsMergeKey() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Base: &b {Type: X}\nResources:\n  A:\n    <<: *b\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:4:5: YAML merge keys (<<) are not supported by CloudFormation. Write the keys out.");
    }

    @Test
    void rejectsSecondDocument() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources: {}\n---\nResources: {}\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.yaml:2:1: invalid YAML: expected a single document in the stream: ");
    }

    @Test
    void reportsYamlSyntaxErrorWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: [1, 2\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.yaml:3:1: invalid YAML: ")
                .hasMessageEndingWith(". Fix the YAML syntax.")
                .satisfies(error -> assertThat(exitCode(error)).isEqualTo(2));
    }

    @Test
    void reportsJsonErrorWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.json", "{\n  \"Resources\": {,}\n}"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.json:2:17: invalid JSON: ")
                .hasMessageEndingWith(". Fix the JSON syntax.")
                .satisfies(error -> assertThat(exitCode(error)).isEqualTo(2));
    }

    @Test
    void yamlErrorOmitsSourceText() {
        String text = "Parameters:\n  Password: \"hunter2\n  Other: x\n";

        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", text))
                .isInstanceOf(EcsgenException.class)
                .satisfies(error -> assertThat(error.getMessage()).startsWith("t.yaml:").doesNotContain("hunter2"));
    }

    @Test
    void jsonErrorOmitsSourceText() {
        String text = "{\"Parameters\": {\"Password\": \"hunter2\" \"x\"}}";

        assertThatThrownBy(() -> TemplateReader.parse("t.json", text))
                .isInstanceOf(EcsgenException.class)
                .satisfies(error -> assertThat(error.getMessage()).startsWith("t.json:1:39: invalid JSON: ").doesNotContain("hunter2"));
    }

    @Test
    void jsonErrorOmitsUnquotedToken() {
        String text = "{\"Parameters\": {\"Password\": hunter2}}";

        assertThatThrownBy(() -> TemplateReader.parse("t.json", text))
                .isInstanceOf(EcsgenException.class)
                .satisfies(error -> assertThat(error.getMessage())
                        .startsWith("t.json:1:29: invalid JSON: Unrecognized token: was expecting")
                        .doesNotContain("hunter2"));
    }

    @Test
    void readsJsonFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("t.json");
        Files.writeString(file, "{\"Resources\": {\"A\": {\"Type\": \"X\"}}}");

        assertThat(TemplateReader.read(file).template()).isEqualTo(json("{\"Resources\": {\"A\": {\"Type\": \"X\"}}}"));
    }

    @Test
    void readCountsFileBytesWithByteOrderMark(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("t.yaml");
        Files.writeString(file, "\uFEFFResources:\n  A: {Type: \"é\"}\n");

        TemplateFile template = TemplateReader.read(file);

        assertThat(template.template().at("/Resources/A/Type").textValue()).isEqualTo("é");
        assertThat(template.bytes()).isEqualTo(Files.size(file));
        assertThat(template.file()).isEqualTo(file.toString());
    }

    @Test
    void reportsMissingFile(@TempDir Path folder) {
        Path file = folder.resolve("missing.yaml");

        assertThatThrownBy(() -> TemplateReader.read(file))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(file + ": cannot read the template: file not found");
    }

    @Test
    void rejectsNonUtf8File(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "Resources: {A: {Type: \"caf\u00e9\"}}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> TemplateReader.read(file))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(file + ":1:27: the template is not UTF-8 text (byte 0xE9); save it as UTF-8")
                .satisfies(error -> assertThat(exitCode(error)).isEqualTo(2));
    }

    @Test
    void rejectsFileAboveSizeLimit(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("big.json");
        Files.write(file, new byte[(int) TemplateReader.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> TemplateReader.read(file))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(file + ": the file is 8388609 bytes, above the 8388608 bytes ecsgen reads; CloudFormation"
                        + " accepts at most 1,000,000 bytes");
    }
}
