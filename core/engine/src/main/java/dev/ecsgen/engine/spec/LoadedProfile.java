package dev.ecsgen.engine.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked organization profile with where each of its values came from.
 *
 * @param profile the profile
 * @param file    the profile file
 * @param sources positions of its keys and values, for messages
 */
public record LoadedProfile(OrgProfile profile, Path file, SourceMap sources) {

    /** Returns {@code file:line:column} of the key at a JSON pointer such as {@code /rules/allowedRegistries}. */
    public SourceLocation locate(String pointer) {
        return sources.keyAt(pointer);
    }

    /** Returns the default {@code cluster.instanceType}, or {@code null}. */
    public String defaultInstanceType() {
        OrgProfile.Defaults defaults = profile.defaults();
        return defaults == null || defaults.cluster() == null ? null : defaults.cluster().instanceType();
    }

    /** Returns the default {@code ami.variant}, or {@code null}. */
    public String defaultAmiVariant() {
        OrgProfile.Defaults defaults = profile.defaults();
        return defaults == null || defaults.ami() == null ? null : defaults.ami().variant();
    }

    /** Returns the stack name prefix, or {@code null}. */
    public String namePrefix() {
        return profile.defaults() == null ? null : profile.defaults().namePrefix();
    }

    /**
     * Merges the profile under {@code loaded}: a value the spec writes wins over the profile's default,
     * and a spec tag wins over a profile tag with the same key. Profile tags come first, in profile order.
     */
    public LoadedSpec applyTo(LoadedSpec loaded) {
        StackSpec spec = loaded.spec();
        SourceMap written = loaded.sources();
        String name = spec.name();
        String prefix = namePrefix();
        if (prefix != null && !name.startsWith(prefix)) {
            name = prefix + name;
            if (!SpecValidator.STACK_NAME.matcher(name).matches()) {
                throwProblem(written, "/name", "stack name " + SpecProblems.quote(name) + " (namePrefix "
                        + SpecProblems.quote(prefix) + " of profile " + locate("/defaults/namePrefix")
                        + " before the spec's name) is longer than 64 characters: shorten the spec's name");
            }
        }

        ClusterSpec cluster = spec.cluster();
        String instanceType = defaultInstanceType();
        if (instanceType != null && !written.contains("/cluster/instanceType")) {
            cluster = new ClusterSpec(instanceType, cluster.minSize(), cluster.maxSize(), cluster.desiredCapacity(),
                    cluster.keyName(), cluster.publicIp());
        }

        AmiSection ami = spec.ami();
        String variant = defaultAmiVariant();
        if (variant != null && !written.contains("/ami/variant")) {
            ami = new AmiSection(ami.source(), variant, ami.file(), ami.resolve(), ami.pin());
        }

        Map<String, String> tags = new LinkedHashMap<>();
        if (profile.tags() != null) {
            tags.putAll(profile.tags());
        }
        tags.putAll(spec.tags());
        StackSpec merged = new StackSpec(name, spec.description(), cluster, ami, spec.registries(), spec.tasks(), tags);
        return new LoadedSpec(merged, loaded.file(), written);
    }

    private static void throwProblem(SourceMap sources, String pointer, String message) {
        SpecProblems problems = new SpecProblems(sources);
        problems.conflict(pointer, message);
        problems.throwIfAny();
    }
}
