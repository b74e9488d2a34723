package dev.ecsgen.engine.spec;

import java.util.List;

/**
 * One task definition and its service.
 *
 * @param name       a letter, then letters, digits and '-'; names the task family and logical ids
 * @param containers the container definitions
 * @param service    the service that runs the task, or {@code null} for none
 */
public record TaskSpec(String name, List<ContainerSpec> containers, ServiceSpec service) {
}
