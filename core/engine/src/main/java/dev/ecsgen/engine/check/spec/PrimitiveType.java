package dev.ecsgen.engine.check.spec;

import java.util.Locale;
import java.util.Optional;

/** A primitive type name of the CloudFormation resource specification ({@code PrimitiveType} and {@code PrimitiveItemType}). */
public enum PrimitiveType {
    STRING("String"),
    LONG("Long"),
    INTEGER("Integer"),
    DOUBLE("Double"),
    BOOLEAN("Boolean"),
    TIMESTAMP("Timestamp"),
    JSON("Json");

    private final String specName;

    PrimitiveType(String specName) {
        this.specName = specName;
    }

    /** Returns the name as the specification spells it, such as {@code Integer}. */
    public String specName() {
        return specName;
    }

    /** Looks up a specification name such as {@code Integer}; returns empty for a name this enum does not know. */
    public static Optional<PrimitiveType> fromSpecName(String name) {
        for (PrimitiveType type : values()) {
            if (type.specName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return specName.toLowerCase(Locale.ROOT);
    }
}
