package dev.ecsgen.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.EcsgenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateFilesTest {
    private static JsonNode yaml(String text) {
        return TemplateFiles.parse("t.yaml", text, text.length(), false).template();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "!Ref Queue|{\"Ref\":\"Queue\"}",
            "!Condition IsProd|{\"Condition\":\"IsProd\"}",
            "!GetAtt Queue.Arn|{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}",
            "!GetAtt Db.Endpoint.Address|{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}",
            "!GetAtt [Queue, Arn]|{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}",
            "!Sub '${AWS::StackName}-q'|{\"Fn::Sub\":\"${AWS::StackName}-q\"}",
            "!Sub ['${A}', {A: !Ref B}]|{\"Fn::Sub\":[\"${A}\",{\"A\":{\"Ref\":\"B\"}}]}",
            "!Join [',', [a, !Ref B]]|{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}",
            "!Base64 text|{\"Fn::Base64\":\"text\"}",
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
        TemplateFiles.TemplateFile file = TemplateFiles.parse("t.yaml", text, text.length(), false);

        assertThat(file.lineOf("")).isEqualTo(1);
        assertThat(file.lineOf("/Resources/Queue")).isEqualTo(2);
        assertThat(file.lineOf("/Resources/Queue/Properties/QueueName/Ref")).isEqualTo(5);
        assertThat(file.lineOf("/Resources/Queue/Properties/Tags/0/Value/Fn::GetAtt/1")).isEqualTo(8);
        assertThat(file.lineOf("/Resources/Queue/Properties/Tags/0/Value/Missing")).isEqualTo(8);
    }

    @Test
    void jsonLines() {
        String text = "{\n  \"Resources\": {\n    \"Queue\": {\"Type\": \"AWS::SQS::Queue\"}\n  }\n}\n";
        TemplateFiles.TemplateFile file = TemplateFiles.parse("t.json", text, text.length(), true);

        assertThat(file.lineOf("/Resources/Queue/Type")).isEqualTo(3);
        assertThat(file.bytes()).isEqualTo(text.length());
    }

    @Test
    void emptyFileIsInvalid() {
        assertThatThrownBy(() -> TemplateFiles.parse("t.yaml", "", 0, false))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("t.yaml: the template is empty; a CloudFormation template is an object with a Resources section");
    }

    @Test
    void yamlErrorOmitsSourceText() {
        String text = "Parameters:\n  Password: \"hunter2\n  Other: x\n";

        assertThatThrownBy(() -> TemplateFiles.parse("t.yaml", text, text.length(), false))
                .isInstanceOf(EcsgenException.class)
                .satisfies(error -> assertThat(error.getMessage()).startsWith("t.yaml:").doesNotContain("hunter2"));
    }

    @Test
    void jsonErrorOmitsSourceText() {
        String text = "{\"Parameters\": {\"Password\": \"hunter2\" \"x\"}}";

        assertThatThrownBy(() -> TemplateFiles.parse("t.json", text, text.length(), true))
                .isInstanceOf(EcsgenException.class)
                .satisfies(error -> assertThat(error.getMessage()).startsWith("t.json:1:39: invalid JSON: ").doesNotContain("hunter2"));
    }
}
