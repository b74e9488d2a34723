package dev.ecsgen.engine.spec;

import java.util.List;
import java.util.Map;

/**
 * A stack spec as written in YAML or JSON; {@link SpecLoader} fills in defaults.
 *
 * @param name        prefix of names and tags: a letter, then letters, digits and '-'
 * @param description the template's Description
 * @param cluster     the container instances
 * @param ami         the machine image
 * @param registries  the private registries and how their credentials reach a pull
 * @param tasks       task definitions, each with an optional service
 * @param tags        tags for every taggable resource
 */
public record StackSpec(
        String name,
        String description,
        ClusterSpec cluster,
        AmiSection ami,
        List<RegistryEntry> registries,
        List<TaskSpec> tasks,
        Map<String, String> tags) {
}
