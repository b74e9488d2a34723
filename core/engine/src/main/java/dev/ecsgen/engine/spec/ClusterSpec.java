package dev.ecsgen.engine.spec;

/**
 * The spec's {@code cluster} section: the Auto Scaling group of container instances.
 *
 * @param instanceType    default of the InstanceType parameter
 * @param minSize         the group's minimum size
 * @param maxSize         the group's maximum size
 * @param desiredCapacity default of the DesiredCapacity parameter
 * @param keyName         {@code true} adds an optional KeyName parameter
 * @param publicIp        {@code false} for private subnets that reach ECS through NAT or VPC endpoints
 */
public record ClusterSpec(
        String instanceType,
        Integer minSize,
        Integer maxSize,
        Integer desiredCapacity,
        Boolean keyName,
        Boolean publicIp) {

    static ClusterSpec defaults() {
        return new ClusterSpec(null, null, null, null, null, null).withDefaults();
    }

    ClusterSpec withDefaults() {
        return new ClusterSpec(
                instanceType == null ? "t3.micro" : instanceType,
                minSize == null ? 0 : minSize,
                maxSize == null ? 4 : maxSize,
                desiredCapacity == null ? 1 : desiredCapacity,
                keyName != null && keyName,
                publicIp == null || publicIp);
    }
}
