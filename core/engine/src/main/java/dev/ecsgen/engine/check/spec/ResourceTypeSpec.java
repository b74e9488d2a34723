package dev.ecsgen.engine.check.spec;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code ResourceTypes}.
 *
 * @param name       the resource type, such as {@code AWS::ECS::Service}
 * @param properties the properties by name
 * @param attributes the {@code Fn::GetAtt} attributes by name, such as {@code Arn} or {@code Endpoint.Address}
 */
public record ResourceTypeSpec(String name, Map<String, PropertySpec> properties, Map<String, ValueType> attributes) {
    public ResourceTypeSpec {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
        attributes = Map.copyOf(attributes);
    }
}
