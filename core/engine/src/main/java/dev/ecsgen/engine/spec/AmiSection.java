package dev.ecsgen.engine.spec;

/**
 * The spec's {@code ami} section.
 *
 * @param source  id of the AMI source plugin
 * @param variant image variant, such as {@code al2023}
 * @param file    map file for the {@code region-map} source, relative to the spec
 * @param resolve {@code parameter} or {@code launch}
 * @param pin     a fixed AMI id
 */
public record AmiSection(String source, String variant, String file, String resolve, String pin) {

    static AmiSection defaults() {
        return new AmiSection(null, null, null, null, null).withDefaults();
    }

    AmiSection withDefaults() {
        return new AmiSection(
                source == null ? "ecs-optimized" : source,
                variant == null && "ecs-optimized".equals(source == null ? "ecs-optimized" : source) ? "al2023" : variant,
                file,
                resolve == null ? "parameter" : resolve,
                pin);
    }
}
