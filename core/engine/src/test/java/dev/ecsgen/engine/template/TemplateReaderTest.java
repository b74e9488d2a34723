package dev.ecsgen.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.EcsgenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void convertsShortFormTags() throws Exception {
        JsonNode template = TemplateReader.parse("t.yaml", """
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
        JsonNode template = TemplateReader.parse("t.yaml", "AWSTemplateFormatVersion: 2010-09-09\nA: 0755\nB: 12\nC: yes\nD: 1.5\n");

        assertThat(template.get("AWSTemplateFormatVersion").isTextual()).isTrue();
        assertThat(template.get("AWSTemplateFormatVersion").textValue()).isEqualTo("2010-09-09");
        assertThat(template.get("A").textValue()).isEqualTo("0755");
        assertThat(template.get("B").isIntegralNumber()).isTrue();
        assertThat(template.get("C").textValue()).isEqualTo("yes");
        assertThat(template.get("D").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void reportsUnknownTagWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: !Reff X\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.yaml:2:6: unknown tag !Reff. CloudFormation's short forms are !And, ");
    }

    @Test
    void reportsDuplicateKeyWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: 1\n  A: 2\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:3:3: duplicate key 'A'. CloudFormation rejects a mapping with the same key twice;"
                        + " remove one.");
    }

    @Test
    void reportsYamlSyntaxErrorWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "Resources:\n  A: [1, 2\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.yaml:3:1: invalid YAML: ")
                .satisfies(e -> assertThat(((EcsgenException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void reportsJsonErrorWithLine() {
        assertThatThrownBy(() -> TemplateReader.parse("t.json", "{\n  \"Resources\": {,}\n}"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("t.json:2:17: invalid JSON: ");
    }

    @Test
    void rejectsNonMappingDocument() {
        assertThatThrownBy(() -> TemplateReader.parse("t.yaml", "- a\n"))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml:1:1: the template must be a mapping with a Resources section, but it is a array.");
    }

    @Test
    void readsJsonFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("t.json");
        Files.writeString(file, "{\"Resources\": {\"A\": {\"Type\": \"X\"}}}");

        assertThat(TemplateReader.read(file)).isEqualTo(json("{\"Resources\": {\"A\": {\"Type\": \"X\"}}}"));
    }

    @Test
    void reportsMissingFile(@TempDir Path folder) {
        Path file = folder.resolve("missing.yaml");

        assertThatThrownBy(() -> TemplateReader.read(file))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith(file + ": cannot read the template: ");
    }
}
