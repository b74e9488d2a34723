package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ecsgen.engine.resolve.IntrinsicResolverTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class IntrinsicResolverParametersTest {
    private static final String TEMPLATE = """
            Parameters:
              ClusterName:
                Type: String
                AllowedPattern: "[a-z][a-z0-9-]*"
                ConstraintDescription: Use lower-case letters, digits and hyphens.
                MinLength: 3
                MaxLength: 12
              Environment:
                Type: String
                AllowedValues: [dev, prod]
                Default: dev
              Password:
                Type: String
                NoEcho: true
                AllowedPattern: "[A-Za-z0-9]{12,}"
                MinLength: 12
              Token:
                Type: String
                NoEcho: "true"
                AllowedValues: [alpha, beta]
                Default: alpha
              DesiredCount:
                Type: Number
                MinValue: 1
                MaxValue: 10
                Default: 2
              Ports:
                Type: List<Number>
                Default: "80, 443"
                MaxValue: 1024
              Zones:
                Type: CommaDelimitedList
                AllowedValues: [a, b, c]
                Default: a,b
            """;

    private static List<String> validate(Map<String, String> values) {
        return new IntrinsicResolver(yaml(TEMPLATE), values, PseudoParameters.defaults()).validateParameters();
    }

    private static Map<String, String> valid(String... overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("ClusterName", "main", "Password", "abcdefghijkl12"));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return values;
    }

    @Test
    void validValuesHaveNoProblems() {
        assertThat(validate(valid())).isEmpty();
    }

    @Test
    void missingRequiredValue() {
        List<String> problems = validate(Map.of("Password", "abcdefghijkl12"));

        assertThat(problems).containsExactly("Parameter 'ClusterName' has no value and no Default. Pass a value for it.");
    }

    @Test
    void givenParameterCheckSkipsMissingValues() {
        List<String> problems = new IntrinsicResolver(yaml(TEMPLATE), Map.of("Password", "short"),
                PseudoParameters.defaults()).validateGivenParameters();

        assertThat(problems).noneMatch(problem -> problem.contains("ClusterName"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("Parameter 'Password' value (hidden"));
    }

    @Test
    void placeholdersRecordMissingParametersUsed() {
        IntrinsicResolver resolver = new IntrinsicResolver(yaml(TEMPLATE), Map.of(), PseudoParameters.defaults())
                .placeholdersForMissingParameters();

        JsonNode resolved = resolver.resolve(yaml("Name: {\"Fn::Sub\": \"${ClusterName}-${Environment}\"}\n"));

        assertThat(resolved.path("Name").asText()).isEqualTo("<ClusterName>-dev");
        assertThat(resolver.missingParametersUsed()).containsExactly("ClusterName");
    }

    @Test
    void allowedPatternMismatch() {
        List<String> problems = validate(valid("ClusterName", "Main_1"));

        assertThat(problems).containsExactly("Parameter 'ClusterName' value 'Main_1' does not match the AllowedPattern "
                + "[a-z][a-z0-9-]*. Use lower-case letters, digits and hyphens.");
    }

    @Test
    void allowedPatternMustMatchWholeValue() {
        assertThat(validate(valid("ClusterName", "main!"))).singleElement().asString().contains("AllowedPattern");
    }

    @Test
    void allowedValuesMismatch() {
        assertThat(validate(valid("Environment", "qa")))
                .containsExactly("Parameter 'Environment' value 'qa' is not one of the AllowedValues [dev, prod].");
    }

    @Test
    void lengthLimits() {
        assertThat(validate(valid("ClusterName", "ab"))).singleElement().asString()
                .contains("is 2 characters long, shorter than the MinLength 3");
        assertThat(validate(valid("ClusterName", "abcdefghijklm"))).singleElement().asString()
                .contains("is 13 characters long, longer than the MaxLength 12");
    }

    @Test
    void numberTypeAndRange() {
        assertThat(validate(valid("DesiredCount", "two"))).containsExactly("Parameter 'DesiredCount' value 'two' is not a number.");
        assertThat(validate(valid("DesiredCount", "0"))).singleElement().asString().contains("is less than the MinValue 1");
        assertThat(validate(valid("DesiredCount", "11"))).singleElement().asString().contains("is greater than the MaxValue 10");
        assertThat(validate(valid("DesiredCount", "2.5"))).isEmpty();
    }

    @Test
    void listMembersCheckedEach() {
        assertThat(validate(valid("Ports", "80,8080"))).singleElement().asString()
                .isEqualTo("Parameter 'Ports' list member '8080' is greater than the MaxValue 1024.");
        assertThat(validate(valid("Zones", "a,d"))).singleElement().asString()
                .isEqualTo("Parameter 'Zones' list member 'd' is not one of the AllowedValues [a, b, c].");
    }

    @Test
    void noEchoValueNotEchoed() {
        String secret = "short$ecret";

        List<String> problems = validate(valid("Password", secret));

        assertThat(problems).hasSize(2);
        assertThat(problems).allSatisfy(problem -> assertThat(problem).doesNotContain(secret));
        assertThat(problems).allSatisfy(problem -> assertThat(problem).contains("hidden because the parameter is NoEcho"));
    }

    @Test
    void noEchoStringFlagHidesValue() {
        List<String> problems = validate(valid("Token", "gamma-secret"));

        assertThat(problems).singleElement().asString()
                .doesNotContain("gamma-secret")
                .contains("Parameter 'Token' value (hidden because the parameter is NoEcho) is not one of the AllowedValues");
    }

    @Test
    void undeclaredValueReported() {
        assertThat(validate(valid("Extra", "x")))
                .containsExactly("Parameter 'Extra' has a value but is not declared in the template's Parameters section.");
    }

    @Test
    void invalidDefaultReported() {
        String template = """
                Parameters:
                  Size:
                    Type: String
                    AllowedValues: [small, large]
                    Default: medium
                """;

        List<String> problems = new IntrinsicResolver(yaml(template), Map.of(), PseudoParameters.defaults()).validateParameters();

        assertThat(problems).containsExactly("Parameter 'Size' value 'medium' is not one of the AllowedValues [small, large].");
    }

    @Test
    void invalidPatternReported() {
        String template = """
                Parameters:
                  Name:
                    Type: String
                    AllowedPattern: "[a-"
                    Default: x
                """;

        List<String> problems = new IntrinsicResolver(yaml(template), Map.of(), PseudoParameters.defaults()).validateParameters();

        assertThat(problems).singleElement().asString().startsWith("Parameter 'Name' has an invalid AllowedPattern [a-");
    }

    @Test
    void missingTypeReported() {
        List<String> problems = new IntrinsicResolver(yaml("Parameters: {Name: {Default: x}}"), Map.of(),
                PseudoParameters.defaults()).validateParameters();

        assertThat(problems).containsExactly("Parameter 'Name' has no Type. Set Type, for example to String.");
    }
}
