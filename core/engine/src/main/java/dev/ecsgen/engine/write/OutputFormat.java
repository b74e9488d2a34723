package dev.ecsgen.engine.write;

/** The template's serialization. */
public enum OutputFormat {
    JSON,
    YAML
}
