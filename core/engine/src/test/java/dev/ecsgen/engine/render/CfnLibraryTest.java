package dev.ecsgen.engine.render;

import static dev.ecsgen.engine.render.FragmentLayeringTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders small fragments that call each function of lib/cfn.ftl and compares the parsed JSON. */
class CfnLibraryTest {
    @TempDir
    Path dir;

    private Map<String, Object> model;

    @BeforeEach
    void copyLibrary() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FragmentLayer.BUILT_IN_ROOT + "lib/cfn.ftl")) {
            Files.createDirectories(dir.resolve("layer/lib"));
            Files.write(dir.resolve("layer/lib/cfn.ftl"), in.readAllBytes());
        }
        model = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("owner", "team \"a\"");
        tags.put("Name", "from-spec");
        model.put("tags", tags);
        model.put("stack", Map.of("name", "demo"));
    }

    /** Renders {"Outputs": {"X": {"Value": VALUE}}} and returns the Value as compact JSON. */
    private String value(String expression) throws IOException {
        write(dir.resolve("layer/test.ftl"), "{\"Outputs\": {\"X\": {\"Value\": [=" + expression + "]}}}");
        FragmentRenderer renderer = new FragmentRenderer(new FragmentSet(List.of(FragmentLayer.fromFolder("test", dir.resolve("layer")))));
        List<RenderedFragment> rendered = renderer.renderAll(model, null);
        assertThat(rendered).hasSize(1);
        return rendered.get(0).tree().at("/Outputs/X/Value").toString();
    }

    @Test
    void ref() throws IOException {
        assertThat(value("cfn.ref(\"Cluster\")")).isEqualTo("{\"Ref\":\"Cluster\"}");
    }

    @Test
    void getAtt() throws IOException {
        assertThat(value("cfn.getAtt(\"Role\", \"Arn\")")).isEqualTo("{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}");
    }

    @Test
    void subKeepsDollarBraceLiteral() throws IOException {
        assertThat(value("cfn.sub(r\"${AWS::StackName}-x\")")).isEqualTo("{\"Fn::Sub\":\"${AWS::StackName}-x\"}");
    }

    @Test
    void subWithVariables() throws IOException {
        assertThat(value("cfn.subWith(r\"${A}-${B}\", {\"A\": cfn.ref(\"X\"), \"B\": \"\\\"b\\\"\"})"))
                .isEqualTo("{\"Fn::Sub\":[\"${A}-${B}\",{\"A\":{\"Ref\":\"X\"},\"B\":\"b\"}]}");
    }

    @Test
    void escapeSubMakesModelTextLiteral() throws IOException {
        assertThat(value("cfn.sub(cfn.escapeSub(r'a ${HOME} \"q\" }') + r' ${AWS::Region}')"))
                .isEqualTo("{\"Fn::Sub\":\"a ${!HOME} \\\"q\\\" } ${AWS::Region}\"}");
    }

    @Test
    void join() throws IOException {
        assertThat(value("cfn.join(\",\", [cfn.ref(\"A\"), \"b\"?c])")).isEqualTo("{\"Fn::Join\":[\",\",[{\"Ref\":\"A\"},\"b\"]]}");
    }

    @Test
    void base64() throws IOException {
        assertThat(value("cfn.base64(cfn.sub(\"x\"))")).isEqualTo("{\"Fn::Base64\":{\"Fn::Sub\":\"x\"}}");
    }

    @Test
    void findInMap() throws IOException {
        assertThat(value("cfn.findInMap(\"Ami\", cfn.ref(\"AWS::Region\"), \"id\"?c)"))
                .isEqualTo("{\"Fn::FindInMap\":[\"Ami\",{\"Ref\":\"AWS::Region\"},\"id\"]}");
    }

    @Test
    void ifThen() throws IOException {
        assertThat(value("cfn.ifThen(\"HasKey\", cfn.ref(\"Key\"), cfn.ref(\"AWS::NoValue\"))"))
                .isEqualTo("{\"Fn::If\":[\"HasKey\",{\"Ref\":\"Key\"},{\"Ref\":\"AWS::NoValue\"}]}");
    }

    @Test
    void arnUsesPartition() throws IOException {
        assertThat(value("cfn.arn(\"iam\", \":aws:policy/P\")")).isEqualTo("{\"Fn::Sub\":\"arn:${AWS::Partition}:iam::aws:policy/P\"}");
    }

    @Test
    void tagsLetStackTagsWinOverExtra() throws IOException {
        assertThat(value("cfn.tags({\"Name\": \"extra\", \"role\": \"web\"})"))
                .isEqualTo("[{\"Key\":\"Name\",\"Value\":\"from-spec\"},{\"Key\":\"role\",\"Value\":\"web\"},"
                        + "{\"Key\":\"owner\",\"Value\":\"team \\\"a\\\"\"}]");
    }

    @Test
    void propagatedTags() throws IOException {
        model.put("tags", Map.of("owner", "x"));
        assertThat(value("cfn.propagatedTags()")).isEqualTo("[{\"Key\":\"owner\",\"Value\":\"x\",\"PropagateAtLaunch\":true}]");
    }

    @Test
    void heredocKeepsBodyLiteral() throws IOException {
        assertThat(value("cfn.heredoc(\"/etc/x\", \"END\", r'a $HOME \"q\"')?c"))
                .isEqualTo("\"cat <<'END' >> /etc/x\\na $HOME \\\"q\\\"\\nEND\\n\"");
    }

    @Test
    void heredocRejectsEndMarkerInBody() throws IOException {
        assertThatThrownBy(() -> value("cfn.heredoc(\"/etc/x\", \"END\", \"a\\nEND\\nb\")?c"))
                .isInstanceOf(EcsgenException.class)
                .hasMessageContaining("heredoc body contains its end marker line 'END'; choose another marker");
    }

    @Test
    void object() throws IOException {
        assertThat(value("cfn.object({\"A\": \"1\", \"B\": cfn.ref(\"X\")})")).isEqualTo("{\"A\":1,\"B\":{\"Ref\":\"X\"}}");
    }

    @Test
    void withTagsAddsTagsWhenAny() throws IOException {
        model.put("tags", Map.of("owner", "x"));
        assertThat(value("cfn.withTags({\"A\": \"1\"})")).isEqualTo("{\"A\":1,\"Tags\":[{\"Key\":\"owner\",\"Value\":\"x\"}]}");
        model.put("tags", Map.of());
        assertThat(value("cfn.withTags({\"A\": \"1\"})")).isEqualTo("{\"A\":1}");
        assertThat(value("cfn.withTags({\"A\": \"1\"}, {\"role\": \"r\"})")).isEqualTo("{\"A\":1,\"Tags\":[{\"Key\":\"role\",\"Value\":\"r\"}]}");
    }

    @Test
    void nameValues() throws IOException {
        assertThat(value("cfn.nameValues({\"A\": \"x\\\"}\"})")).isEqualTo("[{\"Name\":\"A\",\"Value\":\"x\\\"}\"}]");
    }

    @Test
    void selectAndGetAZs() throws IOException {
        assertThat(value("cfn.select(0, cfn.getAZs())")).isEqualTo("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}");
    }

    @Test
    void importValue() throws IOException {
        assertThat(value("cfn.importValue(cfn.sub(r\"${Env}-Vpc\"))")).isEqualTo("{\"Fn::ImportValue\":{\"Fn::Sub\":\"${Env}-Vpc\"}}");
    }

    @Test
    void equalsAndCondition() throws IOException {
        assertThat(value("cfn.equals(cfn.ref(\"K\"), \"\"?c)")).isEqualTo("{\"Fn::Equals\":[{\"Ref\":\"K\"},\"\"]}");
        assertThat(value("cfn.condition(\"HasKey\")")).isEqualTo("{\"Condition\":\"HasKey\"}");
    }

    @Test
    void jsonSortsKeysOfUnorderedMaps() throws IOException {
        model.put("statement", Map.of("Resource", "*", "Effect", "Allow", "Action", "s3:GetObject"));
        assertThat(value("json(statement)")).isEqualTo("{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Resource\":\"*\"}");
    }
}
