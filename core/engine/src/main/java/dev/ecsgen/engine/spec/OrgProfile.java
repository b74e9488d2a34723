package dev.ecsgen.engine.spec;

import java.util.List;
import java.util.Map;

/**
 * An organization profile as written in YAML ({@code --profile FILE}): defaults and tags merged under
 * every spec, and rules every spec must follow. {@link ProfileLoader} reads and checks it.
 *
 * @param defaults values used where a spec leaves them out
 * @param tags     tags for every taggable resource; a spec tag with the same key wins
 * @param rules    constraints a spec must meet, or {@code null} for none
 */
public record OrgProfile(Defaults defaults, Map<String, String> tags, Rules rules) {

    /**
     * The profile's {@code defaults} section.
     *
     * @param namePrefix text put before every stack name that does not start with it already, such as {@code acme-}
     * @param cluster    defaults of the spec's {@code cluster} section
     * @param ami        defaults of the spec's {@code ami} section
     */
    public record Defaults(String namePrefix, ClusterDefaults cluster, AmiDefaults ami) {
    }

    /** @param instanceType used when the spec sets no {@code cluster.instanceType} */
    public record ClusterDefaults(String instanceType) {
    }

    /** @param variant used when the spec sets no {@code ami.variant} */
    public record AmiDefaults(String variant) {
    }

    /**
     * The profile's {@code rules} section; a rule left out allows everything.
     *
     * @param allowedRegistries      registry types (plugin ids such as {@code dockerhub}) and registry hosts
     *                               (such as {@code registry.example.com:5000}) that specs may pull from
     * @param requireTaskCredentials {@code true} requires {@code auth: task} on every registry
     * @param allowedInstanceTypes   instance types or glob patterns such as {@code t3.*}
     */
    public record Rules(List<String> allowedRegistries, Boolean requireTaskCredentials, List<String> allowedInstanceTypes) {
    }
}
