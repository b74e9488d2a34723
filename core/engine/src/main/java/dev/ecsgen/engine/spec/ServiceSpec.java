package dev.ecsgen.engine.spec;

/**
 * The service that keeps a task running.
 *
 * @param desiredCount how many copies of the task run
 */
public record ServiceSpec(Integer desiredCount) {
}
