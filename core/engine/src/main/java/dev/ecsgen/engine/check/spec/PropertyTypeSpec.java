package dev.ecsgen.engine.check.spec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code PropertyTypes}.
 *
 * <p>Most entries are objects with {@code Properties}. A few, such as {@code AWS::CloudWatch::InsightRule.Tags},
 * instead declare a type directly (a list of tags); for those {@code aliasedType} is present and
 * {@code properties} is empty.
 *
 * @param name        the qualified name, such as {@code AWS::ECS::Service.DeploymentConfiguration}, or {@code Tag}
 * @param properties  the properties by name
 * @param aliasedType the declared type of an entry without {@code Properties}
 */
public record PropertyTypeSpec(String name, Map<String, PropertySpec> properties, Optional<ValueType> aliasedType) {
    public PropertyTypeSpec {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(aliasedType, "aliasedType");
    }
}
