package dev.ecsgen.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks each CloudFormation and EC2 limit exactly at the limit and one above it. */
class LimitRuleTest {
    private static ObjectNode template() {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.putObject("Resources").putObject("Queue").put("Type", "AWS::SQS::Queue");
        return template;
    }

    private static List<String> findings(ObjectNode template, long bodyBytes) {
        return new TemplateChecker(List.of(new LimitRule())).check("t.json", template, bodyBytes).stream()
                .map(finding -> finding.severity().label() + " " + finding.rule() + " " + finding.path() + " " + finding.message())
                .toList();
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource(delimiter = '|', value = {
            "51200|",
            "51201|warning limit-body-size  the template is 51201 bytes, above the 51200 bytes of a direct upload: deploy it with --s3-bucket",
            "1000000|warning limit-body-size  the template is 1000000 bytes, above the 51200 bytes of a direct upload: deploy it with --s3-bucket",
            "1000001|error limit-body-size  the template is 1000001 bytes, above CloudFormation's limit of 1000000 bytes even from S3: split the stack",
    })
    void bodySize(long bytes, String expected) {
        assertThat(findings(template(), bytes)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Resources, 500", "Resources, 501",
            "Parameters, 200", "Parameters, 201",
            "Mappings, 200", "Mappings, 201",
            "Outputs, 200", "Outputs, 201",
    })
    void sectionCount(String section, int count) {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        ObjectNode entries = template.putObject(section);
        for (int i = 0; i < count; i++) {
            ObjectNode entry = entries.putObject("Entry" + i);
            switch (section) {
                case "Resources" -> entry.put("Type", "AWS::SQS::Queue");
                case "Parameters" -> entry.put("Type", "String");
                case "Mappings" -> entry.putObject("Key").put("Value", "x");
                default -> entry.put("Value", "x");
            }
        }
        if (!section.equals("Resources")) {
            template.set("Resources", template().get("Resources"));
        }
        int max = section.equals("Resources") ? 500 : 200;

        List<String> findings = findings(template, 100);

        if (count <= max) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).containsExactly("error limit-count /" + section + " " + section + " has " + count
                    + " entries, above CloudFormation's limit of " + max);
        }
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"1", "255", "256"})
    void logicalIdLength(int length) {
        ObjectNode template = template();
        String id = "Q".repeat(length);
        ((ObjectNode) template.get("Resources")).putObject(id).put("Type", "AWS::SQS::Queue");

        List<String> findings = findings(template, 100);

        if (length <= 255) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).containsExactly("error logical-id /Resources/" + id + " logical id '" + id
                    + "' must be 1 to 255 letters and digits");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"My_Queue", "my-queue", "Queue1.2", "Wärme"})
    void logicalIdCharacters(String id) {
        ObjectNode template = template();
        ((ObjectNode) template.get("Resources")).putObject(id).put("Type", "AWS::SQS::Queue");

        assertThat(findings(template, 100)).containsExactly("error logical-id /Resources/" + id + " logical id '" + id
                + "' must be 1 to 255 letters and digits");
    }

    @ParameterizedTest(name = "{0} bytes in {1}")
    @CsvSource({
            "16384, launch template", "16385, launch template",
            "16384, instance", "16385, instance",
    })
    void userDataSize(int bytes, String owner) {
        ObjectNode template = template();
        ObjectNode resource = ((ObjectNode) template.get("Resources")).putObject("Host");
        String path;
        // A two-byte character at the end counts as two bytes, as EC2 counts bytes.
        String script = "#".repeat(bytes - 2) + "é";
        if (owner.equals("instance")) {
            resource.put("Type", "AWS::EC2::Instance");
            resource.putObject("Properties").putObject("UserData").putObject("Fn::Base64").put("Fn::Sub", script);
            path = "/Resources/Host/Properties/UserData";
        } else {
            resource.put("Type", "AWS::EC2::LaunchTemplate");
            resource.putObject("Properties").putObject("LaunchTemplateData").putObject("UserData").put("Fn::Base64", script);
            path = "/Resources/Host/Properties/LaunchTemplateData/UserData";
        }

        List<String> findings = findings(template, 100);

        if (bytes <= 16384) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).containsExactly("error limit-user-data " + path + " the user data script is " + bytes
                    + " bytes before base64, above EC2's limit of 16384 bytes; move most of it to a file that the script downloads");
        }
    }
}
