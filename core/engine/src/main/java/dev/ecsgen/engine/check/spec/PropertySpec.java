package dev.ecsgen.engine.check.spec;

import java.util.Objects;

/**
 * One property of a resource type or property type.
 *
 * @param name     the property name, such as {@code DesiredCount}
 * @param required whether CloudFormation rejects the resource without it ({@code Required})
 * @param type     the type its value must have
 */
public record PropertySpec(String name, boolean required, ValueType type) {
    public PropertySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
