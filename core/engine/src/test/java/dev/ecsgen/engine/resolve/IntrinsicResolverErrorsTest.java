package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ecsgen.engine.resolve.IntrinsicResolverTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IntrinsicResolverErrorsTest {
    private static final String TEMPLATE = """
            Parameters:
              Name:
                Type: String
              Names:
                Type: CommaDelimitedList
                Default: a,b
            Mappings:
              RegionMap:
                us-east-1:
                  Ami: ami-east
            Conditions:
              First:
                Fn::Not: [{Condition: Second}]
              Second:
                Fn::And: [{Condition: Third}, {Fn::Equals: [a, a]}]
              Third:
                Fn::Or: [{Condition: First}, {Fn::Equals: [a, b]}]
              SelfLoop:
                Condition: SelfLoop
              Never:
                Fn::Equals: [a, b]
              NotBoolean:
                Fn::Join: ['', [a]]
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
              Skipped:
                Type: AWS::SNS::Topic
                Condition: Never
              LT:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  UserData: {Ref: Foo}
                  Nested:
                    UserData: {Fn::Base64: {Fn::Join: ['', [x, {Ref: Foo}]]}}
                  Attribute: {Fn::GetAtt: [Missing, Arn]}
                  SubAttribute: {Fn::Sub: '${Missing.Arn}'}
                  MapKey: {Fn::FindInMap: [RegionMap, {Ref: AWS::Region}, Kernel]}
                  MapTop: {Fn::FindInMap: [RegionMap, eu-west-1, Ami]}
                  MapName: {Fn::FindInMap: [Regions, us-east-1, Ami]}
                  Unknown: {Fn::Length: [a, b]}
                  Cidr: {Fn::Cidr: [10.0.0.0/16, 2, 8]}
                  Cycle: {Fn::If: [First, a, b]}
                  Select: {Fn::Select: [2, [a, b]]}
                  SelectNegative: {Fn::Select: ['-1', [a, b]]}
                  Unset: {Ref: Name}
                  SubList: {Fn::Sub: '${Names}'}
                  SubUnknown: {Fn::Sub: '${Nope}'}
                  JoinNested: {Fn::Join: [',', [[a]]]}
                  SkippedRef: {Ref: Skipped}
            """;

    private static IntrinsicResolver resolver() {
        return new IntrinsicResolver(yaml(TEMPLATE), Map.of(), PseudoParameters.defaults());
    }

    private static ResolveException failureAt(String pointer) {
        return catchThrowableOfType(ResolveException.class, () -> resolver().resolveAt(pointer));
    }

    @Test
    void unknownRefNamesPathAndName() {
        ResolveException error = failureAt("/Resources/LT/Properties/UserData");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/UserData");
        assertThat(error.getMessage()).startsWith("/Resources/LT/Properties/UserData: Ref to unknown name 'Foo'.");
    }

    @Test
    void unknownRefNestedPath() {
        ResolveException error = failureAt("/Resources/LT/Properties/Nested");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/Nested/UserData/Fn::Base64/Fn::Join/1/1");
        assertThat(error.getMessage()).contains("Ref to unknown name 'Foo'");
    }

    @Test
    void resolveFindsPathOfTemplateNode() {
        IntrinsicResolver resolver = resolver();
        JsonNode template = yaml(TEMPLATE);
        IntrinsicResolver sameTemplate = new IntrinsicResolver(template, Map.of(), PseudoParameters.defaults());

        ResolveException error = catchThrowableOfType(ResolveException.class,
                () -> sameTemplate.resolve(template.at("/Resources/LT/Properties/UserData")));
        ResolveException detached = catchThrowableOfType(ResolveException.class,
                () -> resolver.resolve(yaml("{A: {Ref: Foo}}")));

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/UserData");
        assertThat(detached.path()).isEqualTo("/A");
    }

    @Test
    void unknownGetAttTarget() {
        ResolveException error = failureAt("/Resources/LT/Properties/Attribute");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/Attribute");
        assertThat(error.getMessage()).contains("Fn::GetAtt on unknown resource 'Missing'");
    }

    @Test
    void unknownSubAttributeTarget() {
        ResolveException error = failureAt("/Resources/LT/Properties/SubAttribute");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/SubAttribute");
        assertThat(error.getMessage()).contains("Fn::Sub on unknown resource 'Missing'");
    }

    @Test
    void findInMapMissingSecondKey() {
        ResolveException error = failureAt("/Resources/LT/Properties/MapKey");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/MapKey");
        assertThat(error.getMessage()).contains("Fn::FindInMap key 'Kernel' not found in map 'RegionMap' under key 'us-east-1'");
    }

    @Test
    void findInMapMissingTopKey() {
        ResolveException error = failureAt("/Resources/LT/Properties/MapTop");

        assertThat(error.getMessage()).contains("Fn::FindInMap key 'eu-west-1' not found in map 'RegionMap'");
    }

    @Test
    void findInMapMissingMap() {
        ResolveException error = failureAt("/Resources/LT/Properties/MapName");

        assertThat(error.getMessage()).contains("Fn::FindInMap map 'Regions' not found under Mappings");
    }

    @Test
    void unknownFunctionNamed() {
        ResolveException error = failureAt("/Resources/LT/Properties/Unknown");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/Unknown");
        assertThat(error.getMessage()).contains("unknown function 'Fn::Length'");
    }

    @Test
    void cidrUnsupported() {
        ResolveException error = failureAt("/Resources/LT/Properties/Cidr");

        assertThat(error.getMessage()).contains("Fn::Cidr is not supported");
    }

    @Test
    void conditionCycleThroughThree() {
        ResolveException error = failureAt("/Resources/LT/Properties/Cycle");

        assertThat(error.path()).isEqualTo("/Conditions/Third/Fn::Or/0");
        assertThat(error.getMessage()).contains("Condition cycle First -> Second -> Third -> First");
    }

    @Test
    void conditionSelfCycle() {
        assertThatThrownBy(() -> resolver().condition("SelfLoop"))
                .isInstanceOf(ResolveException.class)
                .hasMessage("/Conditions/SelfLoop: Condition cycle SelfLoop -> SelfLoop. A condition must not depend on itself.");
    }

    @Test
    void conditionCycleLeavesNoState() {
        IntrinsicResolver resolver = resolver();

        assertThatThrownBy(() -> resolver.condition("First")).isInstanceOf(ResolveException.class);

        assertThat(resolver.condition("Never")).isFalse();
        assertThatThrownBy(() -> resolver.condition("Second")).hasMessageContaining("Condition cycle Second -> Third -> First -> Second");
    }

    @Test
    void unknownConditionName() {
        assertThatThrownBy(() -> resolver().condition("Nope"))
                .isInstanceOf(ResolveException.class)
                .hasMessage("/Conditions: Condition 'Nope' not found under Conditions.");
    }

    @Test
    void conditionNotBoolean() {
        assertThatThrownBy(() -> resolver().condition("NotBoolean"))
                .hasMessageContaining("/Conditions/NotBoolean: Condition 'NotBoolean' must evaluate to true or false");
    }

    @Test
    void selectOutOfRange() {
        ResolveException error = failureAt("/Resources/LT/Properties/Select");

        assertThat(error.path()).isEqualTo("/Resources/LT/Properties/Select");
        assertThat(error.getMessage()).contains("Fn::Select index 2 is out of range for a list of 2 elements");
    }

    @Test
    void selectNegativeIndex() {
        assertThat(failureAt("/Resources/LT/Properties/SelectNegative").getMessage()).contains("index -1 is out of range");
    }

    @Test
    void refParameterWithoutValue() {
        ResolveException error = failureAt("/Resources/LT/Properties/Unset");

        assertThat(error.getMessage()).contains("Ref to parameter 'Name', which has no value and no Default");
    }

    @Test
    void subListParameter() {
        assertThat(failureAt("/Resources/LT/Properties/SubList").getMessage())
                .contains("Fn::Sub cannot insert ${Names}, which resolves to a list");
    }

    @Test
    void subUnknownName() {
        ResolveException error = failureAt("/Resources/LT/Properties/SubUnknown");

        assertThat(error.getMessage()).contains("Fn::Sub reference ${Nope} to unknown name 'Nope'");
        assertThat(error.getMessage()).contains("${!Nope}");
    }

    @Test
    void joinNestedList() {
        assertThat(failureAt("/Resources/LT/Properties/JoinNested").getMessage())
                .contains("Fn::Join list element 0 must be a string");
    }

    @Test
    void refResourceWithFalseCondition() {
        assertThat(failureAt("/Resources/LT/Properties/SkippedRef").getMessage())
                .contains("Ref to resource 'Skipped', which is not created because its Condition 'Never' is false");
    }

    @Test
    void unknownPseudoParameter() {
        assertThatThrownBy(() -> resolver().resolve(yaml("{Ref: AWS::Nothing}")))
                .hasMessage("/: Ref to unknown pseudo parameter 'AWS::Nothing'.");
    }

    @Test
    void malformedArguments() {
        IntrinsicResolver resolver = resolver();

        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Join: [',']}"))).hasMessageContaining("Fn::Join takes [delimiter, list]");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Join: [{Ref: Name}, [a]]}")))
                .hasMessageContaining("Fn::Join delimiter must be a literal string");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Select: [x, [a]]}"))).hasMessageContaining("index must be a whole number");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::GetAtt: Cluster}"))).hasMessageContaining("Fn::GetAtt takes");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Ref: [Cluster]}"))).hasMessageContaining("Ref takes a logical name");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::If: [Never, a]}"))).hasMessageContaining("Fn::If takes");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Split: ['', abc]}"))).hasMessageContaining("non-empty literal string");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::And: [{Condition: Never}]}"))).hasMessageContaining("2 to 10 conditions");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::FindInMap: [RegionMap, us-east-1, Ami, x]}")))
                .hasMessageContaining("AWS::LanguageExtensions");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Base64: [a]}"))).hasMessageContaining("Fn::Base64 value must be a string");
        assertThatThrownBy(() -> resolver.resolve(yaml("{Fn::Sub: '${AWS::NoValue}'}"))).hasMessageContaining("AWS::NoValue");
    }

    @Test
    void pointerEscapesKeys() {
        ResolveException error = catchThrowableOfType(ResolveException.class,
                () -> resolver().resolve(yaml("{'a/b~c': {Ref: Foo}}")));

        assertThat(error.path()).isEqualTo("/a~1b~0c");
    }

    @Test
    void resolveAtMissingPointer() {
        assertThatThrownBy(() -> resolver().resolveAt("/Resources/Nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/Resources/Nope'");
    }
}
