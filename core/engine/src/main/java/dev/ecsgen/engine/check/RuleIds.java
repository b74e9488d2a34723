package dev.ecsgen.engine.check;

import java.util.List;

/** Every rule id that the standard checker and the resource specification checker report, as docs/validate.md lists them. */
public final class RuleIds {
    public static final List<String> ALL = List.of(
            "template-shape",
            "ref-unresolved", "getatt-unresolved", "sub-unresolved", "findinmap-unresolved", "condition-unresolved",
            "dependson-unresolved",
            "intrinsic-syntax", "intrinsic-nesting", "mapping-literal", "condition-function",
            "limit-body-size", "limit-count", "logical-id", "limit-user-data",
            "credential-noecho", "noecho-output", "noecho-metadata", "literal-credential",
            "ecs-auth-type", "ecs-config-quoted", "ecs-config-key", "ecs-auth-key", "ecs-auth-duplicate", "ecs-config-writer",
            "ecs-auth-docker-form", "ecs-auth-wrapper", "ecs-auth-json",
            "spec-unknown-type", "spec-unknown-property", "spec-missing-property", "spec-type", "spec-shape",
            "spec-unknown-attribute");

    private RuleIds() {
    }
}
