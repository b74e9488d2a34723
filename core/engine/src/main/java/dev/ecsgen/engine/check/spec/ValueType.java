package dev.ecsgen.engine.check.spec;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The type a property value must have, as the resource specification declares it. */
public sealed interface ValueType {

    /** Returns the type in the words used in finding messages, such as {@code list of Integer}. */
    String describe();

    /** A primitive value such as a string or an integer. */
    record Primitive(PrimitiveType type) implements ValueType {
        public Primitive {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String describe() {
            return type.specName();
        }
    }

    /**
     * An object whose keys are the properties of a property type.
     *
     * @param propertyTypeName the qualified key in {@code PropertyTypes}, such as {@code AWS::ECS::Service.DeploymentConfiguration}
     */
    record Struct(String propertyTypeName) implements ValueType {
        public Struct {
            Objects.requireNonNull(propertyTypeName, "propertyTypeName");
        }

        @Override
        public String describe() {
            return propertyTypeName;
        }
    }

    /** A JSON array whose items all have {@code itemType}. */
    record ListOf(ValueType itemType) implements ValueType {
        public ListOf {
            Objects.requireNonNull(itemType, "itemType");
        }

        @Override
        public String describe() {
            return "list of " + itemType.describe();
        }
    }

    /** A JSON object with free keys whose values all have {@code valueType}. */
    record MapOf(ValueType valueType) implements ValueType {
        public MapOf {
            Objects.requireNonNull(valueType, "valueType");
        }

        @Override
        public String describe() {
            return "map of " + valueType.describe();
        }
    }

    /** A value that may have any of several types, as some AWS::Serverless properties declare. */
    record OneOf(List<ValueType> alternatives) implements ValueType {
        public OneOf {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String describe() {
            return alternatives.stream().map(ValueType::describe).collect(Collectors.joining(" or "));
        }
    }

    /** A value the specification leaves untyped, such as the items of a {@code List} with no item type. */
    record Any() implements ValueType {
        @Override
        public String describe() {
            return "any value";
        }
    }
}
