package dev.ecsgen.engine.check.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks every rule of {@link ResourceSpecChecker} against the small hand-written fixture-specification.json. */
class ResourceSpecCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ResourceSpecification specification;
    private static ResourceSpecChecker checker;

    @BeforeAll
    static void loadFixture() throws IOException {
        try (InputStream in = ResourceSpecCheckerTest.class.getResourceAsStream("fixture-specification.json")) {
            specification = ResourceSpecification.read(in);
        }
        checker = new ResourceSpecChecker(specification);
    }

    /** Checks a template whose only resource is a Test::Box::Widget "W" with these extra properties. */
    private static List<Finding> checkWidget(String extraProperties) {
        String properties = extraProperties.isBlank() ? "\"Name\": \"w\"" : "\"Name\": \"w\", " + extraProperties;
        return check("{\"Resources\": {\"W\": {\"Type\": \"Test::Box::Widget\", \"Properties\": {" + properties + "}}}}");
    }

    private static List<Finding> check(String template) {
        try {
            return checker.check("t.json", JSON.readTree(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void specificationLoadsFixture() {
        assertThat(specification.version()).isEqualTo("fixture-1");
        assertThat(specification.resourceTypeNames()).containsExactlyInAnyOrder("Test::Box::Widget", "Test::Box::Gadget");
        assertThat(specification.resourceType("Test::Box::Widget").orElseThrow().attributes())
                .containsKeys("Arn", "Endpoint.Address");
        assertThat(specification.propertyType("Test::Box::Widget.Modes").orElseThrow().aliasedType())
                .contains(new ValueType.ListOf(new ValueType.Primitive(PrimitiveType.STRING)));
    }

    @Test
    void specificationResolvesSharedTag() {
        PropertySpec tags = specification.resourceType("Test::Box::Widget").orElseThrow().properties().get("Tags");
        assertThat(tags.type()).isEqualTo(new ValueType.ListOf(new ValueType.Struct("Tag")));
    }

    @Test
    void specificationWithoutResourceTypesRejected() {
        assertThatThrownBy(() -> ResourceSpecification.fromJson(JSON.readTree("{\"PropertyTypes\": {}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ResourceTypes");
    }

    @Test
    void validWidgetHasNoFindings() {
        List<Finding> findings = checkWidget("""
                "Count": 3, "Total": "9000000000", "Ratio": 0.5, "Enabled": true, "Created": "2026-01-01T00:00:00Z",
                "Policy": {"Version": "2012-10-17"},
                "Tags": [{"Key": "k", "Value": "v"}], "Ports": [80, "443"], "Labels": {"team": "ops"},
                "Limits": {"cpu": 2}, "Settings": {"Size": 1, "Inner": {"Flag": "false"}},
                "Items": [{"Key": "a"}, {"Key": "b", "Value": "c"}], "Modes": ["fast"]
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void unknownTypeSuggestsClosest() {
        List<Finding> findings = check("{\"Resources\": {\"W\": {\"Type\": \"Test::Box::Widgte\"}}}");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-unknown-type");
            assertThat(finding.path()).isEqualTo("/Resources/W/Type");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("'Test::Box::Widgte'").contains("did you mean 'Test::Box::Widget'?");
        });
    }

    @Test
    void resourceWithoutTypeReported() {
        List<Finding> findings = check("{\"Resources\": {\"W\": {\"Properties\": {}}}}");

        assertThat(findings).extracting(Finding::rule, Finding::path)
                .containsExactly(tuple("spec-unknown-type", "/Resources/W"));
    }

    @Test
    void customResourcesSkipped() {
        List<Finding> findings = check("""
                {"Resources": {
                  "A": {"Type": "Custom::Anything", "Properties": {"Whatever": [1, 2]}},
                  "B": {"Type": "AWS::CloudFormation::CustomResource", "Properties": {"Free": {"x": 1}}},
                  "C": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Source": {"Fn::GetAtt": ["A", "Any.Thing"]}}}
                }}
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void unknownPropertySuggestsClosest() {
        List<Finding> findings = checkWidget("\"Cuont\": 1");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-unknown-property");
            assertThat(finding.path()).isEqualTo("/Resources/W/Properties/Cuont");
            assertThat(finding.message()).contains("did you mean 'Count'?");
        });
    }

    @Test
    void unknownPropertyFarFromAllListsKnown() {
        List<Finding> findings = check("""
                {"Resources": {"G": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Xylophone": true}}}}
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-unknown-property");
            assertThat(finding.message()).contains("known properties: Size, Source");
        });
    }

    @Test
    void missingRequiredPropertyReported() {
        List<Finding> findings = check("{\"Resources\": {\"W\": {\"Type\": \"Test::Box::Widget\", \"Properties\": {}}}}");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-missing-property");
            assertThat(finding.path()).isEqualTo("/Resources/W/Properties");
            assertThat(finding.message()).contains("'Name'").contains("Test::Box::Widget");
        });
    }

    @Test
    void missingPropertiesObjectReported() {
        List<Finding> findings = check("{\"Resources\": {\"W\": {\"Type\": \"Test::Box::Widget\"}}}");

        assertThat(findings).extracting(Finding::rule).containsExactly("spec-missing-property");
        assertThat(findings).extracting(Finding::path).containsExactly("/Resources/W");
    }

    @Test
    void noValueOnRequiredCountsAsMissing() {
        List<Finding> findings = check("""
                {"Resources": {"W": {"Type": "Test::Box::Widget",
                  "Properties": {"Name": {"Ref": "AWS::NoValue"}, "Count": {"Ref": "AWS::NoValue"}}}}}
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-missing-property");
            assertThat(finding.path()).isEqualTo("/Resources/W/Properties/Name");
            assertThat(finding.message()).contains("AWS::NoValue");
        });
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            Count   | 128
            Count   | "128"
            Count   | "-5"
            Total   | 9000000000
            Total   | "9000000000"
            Ratio   | 0.25
            Ratio   | 3
            Ratio   | "1.5e3"
            Enabled | false
            Enabled | "True"
            Created | "2026-12-01T00:00:00Z"
            Policy  | {"Statement": []}
            Policy  | "{\\"Statement\\": []}"
            Count   | {"Ref": "CountParameter"}
            Count   | {"Fn::FindInMap": ["M", "K", "V"]}
            Tags    | {"Ref": "TagListParameter"}
            Ports   | [{"Ref": "PortParameter"}, 22]
            """)
    void primitiveValueAccepted(String property, String value) {
        assertThat(checkWidget("\"" + property + "\": " + value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} is rejected as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Count   | "12.5"         | spec-type
            Count   | 1.5            | spec-type
            Count   | "many"         | spec-type
            Count   | true           | spec-type
            Count   | null           | spec-type
            Ratio   | "abc"          | spec-type
            Enabled | "yes"          | spec-type
            Enabled | 1              | spec-type
            Policy  | 5              | spec-type
            Policy  | [1]            | spec-shape
            Name    | ["a"]          | spec-shape
            Name    | {"a": 1}       | spec-shape
            Count   | [1]            | spec-shape
            """)
    void primitiveValueRejected(String property, String value, String rule) {
        List<Finding> findings = checkWidget("\"" + property + "\": " + value);

        assertThat(findings).extracting(Finding::rule).containsExactly(rule);
        assertThat(findings).extracting(Finding::path).containsExactly("/Resources/W/Properties/" + property);
    }

    @Test
    void stringAcceptsNumbersAndBooleans() {
        assertThat(checkWidget("\"Labels\": {\"size\": 3, \"on\": true}")).isEmpty();
    }

    @Test
    void listGivenScalarIsShapeError() {
        List<Finding> findings = checkWidget("\"Ports\": 80");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-shape");
            assertThat(finding.message()).contains("expected a list of Integer").contains("the number 80");
        });
    }

    @Test
    void mapGivenListIsShapeError() {
        List<Finding> findings = checkWidget("\"Labels\": [\"a\"]");

        assertThat(findings).extracting(Finding::rule).containsExactly("spec-shape");
        assertThat(findings).extracting(Finding::message).first().asString().contains("expected a map of String");
    }

    @Test
    void listItemTypeChecked() {
        List<Finding> findings = checkWidget("\"Ports\": [80, \"http\"]");

        assertThat(findings).extracting(Finding::rule, Finding::path)
                .containsExactly(tuple("spec-type", "/Resources/W/Properties/Ports/1"));
    }

    @Test
    void mapKeysEscapedInPointer() {
        List<Finding> findings = checkWidget("\"Limits\": {\"cpu/max\": \"lots\", \"a~b\": 1}");

        assertThat(findings).extracting(Finding::path).containsExactly("/Resources/W/Properties/Limits/cpu~1max");
    }

    @Test
    void nestedPropertyTypesChecked() {
        List<Finding> findings = checkWidget("\"Settings\": {\"Size\": \"big\", \"Inner\": {\"Flg\": true}}");

        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactly(
                tuple("spec-type", "/Resources/W/Properties/Settings/Size"),
                tuple("spec-unknown-property", "/Resources/W/Properties/Settings/Inner/Flg"),
                tuple("spec-missing-property", "/Resources/W/Properties/Settings/Inner"));
        assertThat(findings.get(1).message()).contains("Test::Box::Widget.Inner").contains("did you mean 'Flag'?");
    }

    @Test
    void propertyTypeGivenScalarIsShapeError() {
        List<Finding> findings = checkWidget("\"Settings\": \"small\"");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spec-shape");
            assertThat(finding.message()).contains("expected an object of type Test::Box::Widget.Settings");
        });
    }

    @Test
    void listOfPropertyTypesChecked() {
        List<Finding> findings = checkWidget("\"Items\": [{\"Key\": \"a\"}, {\"Value\": \"b\"}], \"Tags\": [{\"Key\": \"k\"}]");

        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactly(
                tuple("spec-missing-property", "/Resources/W/Properties/Items/1"),
                tuple("spec-missing-property", "/Resources/W/Properties/Tags/0"));
    }

    @Test
    void aliasedPropertyTypeChecked() {
        List<Finding> findings = checkWidget("\"Modes\": [\"fast\", {\"x\": 1}]");

        assertThat(findings).extracting(Finding::rule, Finding::path)
                .containsExactly(tuple("spec-shape", "/Resources/W/Properties/Modes/1"));
    }

    @Test
    void fnIfBothBranchesChecked() {
        List<Finding> findings = checkWidget("""
                "Count": {"Fn::If": ["IsBig", 10, "ten"]},
                "Settings": {"Fn::If": ["IsBig", {"Size": 1}, {"Size": 2, "Colour": "red"}]}
                """);

        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactly(
                tuple("spec-type", "/Resources/W/Properties/Count/Fn::If/2"),
                tuple("spec-unknown-property", "/Resources/W/Properties/Settings/Fn::If/2/Colour"));
    }

    @Test
    void fnIfWithNoValueBranch() {
        List<Finding> optional = checkWidget("\"Count\": {\"Fn::If\": [\"IsBig\", 10, {\"Ref\": \"AWS::NoValue\"}]}");
        List<Finding> required = check("""
                {"Resources": {"W": {"Type": "Test::Box::Widget",
                  "Properties": {"Name": {"Fn::If": ["Named", "w", {"Ref": "AWS::NoValue"}]}}}}}
                """);

        assertThat(optional).isEmpty();
        assertThat(required).extracting(Finding::rule, Finding::path).containsExactly(
                tuple("spec-missing-property", "/Resources/W/Properties/Name/Fn::If/2"));
    }

    @Test
    void fnIfOnListItemsAndWholeProperties() {
        List<Finding> items = checkWidget("\"Ports\": [{\"Fn::If\": [\"C\", 80, {\"Ref\": \"AWS::NoValue\"}]}, {\"Fn::If\": [\"C\", 1, \"x\"]}]");
        List<Finding> whole = check("""
                {"Resources": {"W": {"Type": "Test::Box::Widget",
                  "Properties": {"Fn::If": ["C", {"Name": "a"}, {"Count": 1}]}}}}
                """);

        assertThat(items).extracting(Finding::path).containsExactly("/Resources/W/Properties/Ports/1/Fn::If/2");
        assertThat(whole).extracting(Finding::rule, Finding::path).containsExactly(
                tuple("spec-missing-property", "/Resources/W/Properties/Fn::If/2"));
    }

    @Test
    void oneOfAcceptsEachAlternative() {
        String template = """
                {"Resources": {
                  "A": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Source": "s3://bucket/key"}},
                  "B": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Source": {"Bucket": "b"}}},
                  "C": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Source": {"Bukket": "b"}}},
                  "D": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1, "Source": ["b"]}}
                }}
                """;

        List<Finding> findings = check(template);

        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactlyInAnyOrder(
                tuple("spec-unknown-property", "/Resources/C/Properties/Source/Bukket"),
                tuple("spec-missing-property", "/Resources/C/Properties/Source"),
                tuple("spec-shape", "/Resources/D/Properties/Source"));
        assertThat(findings.get(2).message()).contains("expected String or Test::Box::Gadget.Location, got a list");
    }

    @Test
    void getAttKnownAttributesAccepted() {
        List<Finding> findings = check("""
                {"Resources": {
                  "W": {"Type": "Test::Box::Widget", "Properties": {"Name": "w"}},
                  "V": {"Type": "Test::Box::Widget", "Properties": {
                    "Name": {"Fn::GetAtt": ["W", "Arn"]},
                    "Labels": {"a": {"Fn::GetAtt": "W.Endpoint.Address"},
                               "b": {"Fn::Sub": "${W.Arn} ${W} ${!W.Nope} ${AWS::Region}"},
                               "c": {"Fn::Sub": ["${W.Nope}", {"W.Nope": "x"}]},
                               "d": {"Fn::GetAtt": ["W", {"Ref": "AttributeName"}]},
                               "e": {"Fn::GetAtt": ["Missing", "Arn"]}}}}
                },
                "Outputs": {"Address": {"Value": {"Fn::GetAtt": ["W", "Endpoint.Address"]}}}}
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void getAttUnknownAttributeReported() {
        List<Finding> findings = check("""
                {"Resources": {
                  "W": {"Type": "Test::Box::Widget", "Properties": {"Name": "w"}},
                  "G": {"Type": "Test::Box::Gadget", "Properties": {"Size": 1}},
                  "V": {"Type": "Test::Box::Widget", "Properties": {
                    "Name": {"Fn::GetAtt": ["W", "Arm"]},
                    "Labels": {"a": {"Fn::GetAtt": "W.Endpoint.Port"},
                               "b": {"Fn::Sub": "arn=${W.Arnn}"},
                               "c": {"Fn::Sub": ["${G.Id}-${Suffix}", {"Suffix": "x"}]}}}}
                },
                "Outputs": {"Bad": {"Value": {"Fn::GetAtt": ["W", "Name"]}}}}
                """);

        assertThat(findings).extracting(Finding::rule).containsOnly("spec-unknown-attribute");
        assertThat(findings).extracting(Finding::path).containsExactly(
                "/Resources/V/Properties/Name",
                "/Resources/V/Properties/Labels/a",
                "/Resources/V/Properties/Labels/b/Fn::Sub",
                "/Resources/V/Properties/Labels/c/Fn::Sub/0",
                "/Outputs/Bad/Value");
        assertThat(findings.get(0).message()).contains("'Arm'").contains("did you mean 'Arn'?");
        assertThat(findings.get(3).message()).contains("'Id'").contains("it has no attributes");
    }

    @Test
    void templateWithoutResourcesHasNoFindings() {
        assertThat(check("{\"Outputs\": {}}")).isEmpty();
    }
}
