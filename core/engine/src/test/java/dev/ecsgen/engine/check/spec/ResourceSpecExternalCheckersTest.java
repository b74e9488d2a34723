package dev.ecsgen.engine.check.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.testing.ExternalCheckers;
import dev.ecsgen.engine.testing.ExternalCheckers.ValidatorResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the small ECS template ecs-small-valid.json, and a broken copy of it, with the real CloudFormation resource
 * specification and with the Node validator that .ci/fetch-checkers installs.
 */
class ResourceSpecExternalCheckersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "ecs-small-valid.json";

    private static Path validTemplate() throws URISyntaxException {
        return Path.of(ResourceSpecExternalCheckersTest.class.getResource(TEMPLATE).toURI());
    }

    private static ResourceSpecification realSpecification() {
        Optional<ResourceSpecification> specification = ExternalCheckers.resourceSpecification();
        ExternalCheckers.assumeAvailable(
                "resource specification " + ExternalCheckers.checkersDir().resolve("cfnspec/specification.json"),
                specification.isPresent());
        return specification.orElseThrow();
    }

    /** Returns the valid template with one mistake per rule. */
    private static JsonNode brokenTemplate() throws IOException, URISyntaxException {
        ObjectNode template = (ObjectNode) JSON.readTree(validTemplate().toFile());
        ObjectNode resources = (ObjectNode) template.get("Resources");

        ((ObjectNode) resources.at("/Service/Properties")).put("DesiredCountt", 1);
        ((ObjectNode) resources.at("/TaskDefinition/Properties/ContainerDefinitions/0")).put("Memory", "lots");
        ObjectNode groupProperties = (ObjectNode) resources.at("/AutoScalingGroup/Properties");
        groupProperties.remove("MaxSize");
        groupProperties.put("VPCZoneIdentifier", "subnet-0123");
        ((ObjectNode) resources.at("/LaunchTemplate/Properties/LaunchTemplateData/UserData/Fn::Base64"))
                .put("Fn::Sub", "echo ECS_CLUSTER=${Cluster.Name} >> /etc/ecs/ecs.config");
        resources.putObject("Extra").put("Type", "AWS::ECS::Servce");
        ((ObjectNode) template.at("/Outputs/ClusterArn/Value")).putArray("Fn::GetAtt").add("Cluster").add("Arnn");
        return template;
    }

    @Test
    void realSpecificationHasEcsTypes() {
        ResourceSpecification specification = realSpecification();

        assertThat(specification.resourceType("AWS::ECS::Service")).isPresent();
        assertThat(specification.resourceType("AWS::ECS::Cluster").orElseThrow().attributes()).containsKey("Arn");
        assertThat(specification.propertyType("AWS::ECS::TaskDefinition.ContainerDefinition")).isPresent();
    }

    @Test
    void realSpecificationAcceptsSmallEcsTemplate() throws Exception {
        ResourceSpecChecker checker = new ResourceSpecChecker(realSpecification());

        List<Finding> findings = checker.check(TEMPLATE, JSON.readTree(validTemplate().toFile()));

        assertThat(findings).isEmpty();
    }

    @Test
    void realSpecificationFindsBrokenTemplate() throws Exception {
        ResourceSpecChecker checker = new ResourceSpecChecker(realSpecification());

        List<Finding> findings = checker.check("broken.json", brokenTemplate());

        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactlyInAnyOrder(
                tuple("spec-unknown-property", "/Resources/Service/Properties/DesiredCountt"),
                tuple("spec-type", "/Resources/TaskDefinition/Properties/ContainerDefinitions/0/Memory"),
                tuple("spec-missing-property", "/Resources/AutoScalingGroup/Properties"),
                tuple("spec-shape", "/Resources/AutoScalingGroup/Properties/VPCZoneIdentifier"),
                tuple("spec-unknown-attribute", "/Resources/LaunchTemplate/Properties/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub"),
                tuple("spec-unknown-type", "/Resources/Extra/Type"),
                tuple("spec-unknown-attribute", "/Outputs/ClusterArn/Value"));
        assertThat(findings).filteredOn(finding -> finding.rule().equals("spec-unknown-property"))
                .extracting(Finding::message).singleElement().asString().contains("did you mean 'DesiredCount'?");
        assertThat(findings).filteredOn(finding -> finding.rule().equals("spec-unknown-type"))
                .extracting(Finding::message).singleElement().asString().contains("did you mean 'AWS::ECS::Service'?");
        assertThat(findings).filteredOn(finding -> finding.rule().equals("spec-missing-property"))
                .extracting(Finding::message).singleElement().asString().contains("'MaxSize'");
    }

    @Test
    void nodeValidatorAcceptsSmallEcsTemplate() throws Exception {
        ValidatorResult result = ExternalCheckers.runCloudFormationValidate(validTemplate());

        assertThat(result.errors()).as("validator errors").isEmpty();
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
    }

    @Test
    void nodeValidatorRejectsBrokenTemplate(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, JSON.writeValueAsString(brokenTemplate()));

        ValidatorResult result = ExternalCheckers.runCloudFormationValidate(broken);

        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isEqualTo(1);
        assertThat(result.errors()).extracting(ExternalCheckers.ValidatorDiagnostic::message)
                .anySatisfy(message -> assertThat(message).contains("DesiredCountt"));
    }
}
