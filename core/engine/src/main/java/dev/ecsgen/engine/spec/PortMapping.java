package dev.ecsgen.engine.spec;

/**
 * One port mapping in bridge network mode.
 *
 * @param containerPort the port the container listens on
 * @param hostPort      the instance port, or {@code null} for a dynamic port
 * @param protocol      {@code tcp} or {@code udp}
 */
public record PortMapping(Integer containerPort, Integer hostPort, String protocol) {
}
