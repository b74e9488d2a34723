package dev.ecsgen.engine.spec;

import dev.ecsgen.engine.EcsgenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a planned spec against the rules of an organization profile. Each broken rule is reported
 * with the spec location of the value, the rule and the profile location of the rule.
 */
public final class ProfileRules {
    private final LoadedProfile profile;
    private final Function<String, Set<String>> hostsOfType;

    /**
     * @param hostsOfType the image hosts that a registry type serves on its own, such as docker.io for
     *                    dockerhub, so that a public image from that host passes a rule that lists the type
     */
    public ProfileRules(LoadedProfile profile, Function<String, Set<String>> hostsOfType) {
        this.profile = profile;
        this.hostsOfType = hostsOfType;
    }

    /**
     * Throws a check failure listing every broken rule.
     *
     * @param model the data model the planner built for {@code loaded}, which names the hosts each
     *              registry serves and the registry each container pulls from
     */
    public void check(LoadedSpec loaded, Map<String, Object> model) {
        OrgProfile.Rules rules = profile.profile().rules();
        if (rules == null) {
            return;
        }
        List<String> broken = new ArrayList<>();
        if (rules.allowedInstanceTypes() != null) {
            checkInstanceType(loaded, rules.allowedInstanceTypes(), broken);
        }
        if (rules.allowedRegistries() != null) {
            checkRegistries(loaded, model, rules.allowedRegistries(), broken);
        }
        if (Boolean.TRUE.equals(rules.requireTaskCredentials())) {
            checkTaskCredentials(loaded, broken);
        }
        if (!broken.isEmpty()) {
            throw EcsgenException.checkFailed(String.join("\n", broken));
        }
    }

    private void checkInstanceType(LoadedSpec loaded, List<String> allowed, List<String> broken) {
        String instanceType = loaded.spec().cluster().instanceType();
        for (String pattern : allowed) {
            if (glob(pattern).matcher(instanceType).matches()) {
                return;
            }
        }
        String where;
        if (loaded.sources().contains("/cluster/instanceType")) {
            where = loaded.locate("/cluster/instanceType").toString();
        } else if (instanceType.equals(profile.defaultInstanceType())) {
            where = profile.locate("/defaults/cluster/instanceType") + " (the profile's default; the spec "
                    + loaded.sources().file() + " sets none)";
        } else {
            where = loaded.sources().file() + " (no cluster.instanceType; ecsgen's default)";
        }
        broken.add(where + ": cluster.instanceType " + SpecProblems.quote(instanceType) + " breaks rule "
                + rule("allowedInstanceTypes") + ", which allows " + String.join(", ", allowed)
                + ": set cluster.instanceType to a matching type");
    }

    @SuppressWarnings("unchecked")
    private void checkRegistries(LoadedSpec loaded, Map<String, Object> model, List<String> allowed, List<String> broken) {
        List<String> lowered = allowed.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        List<Object> registries = (List<Object>) model.get("registries");
        List<String> allowedIds = new ArrayList<>();
        for (int i = 0; i < registries.size(); i++) {
            Map<String, Object> registry = (Map<String, Object>) registries.get(i);
            String type = (String) registry.get("type");
            List<String> hosts = (List<String>) registry.get("hosts");
            boolean ok = lowered.contains(type.toLowerCase(Locale.ROOT))
                    || hosts.stream().anyMatch(host -> lowered.contains(host.toLowerCase(Locale.ROOT)));
            if (ok) {
                allowedIds.add((String) registry.get("id"));
            } else {
                broken.add(loaded.locate("/registries/" + i) + ": registries[" + i + "] (type " + type + ", hosts "
                        + String.join(", ", hosts) + ") breaks rule " + rule("allowedRegistries") + ", which allows "
                        + String.join(", ", allowed) + ": use an allowed registry, or ask the profile's owners to add it");
            }
        }
        List<Object> tasks = (List<Object>) model.get("tasks");
        for (int t = 0; t < tasks.size(); t++) {
            Map<String, Object> task = (Map<String, Object>) tasks.get(t);
            List<Object> containers = (List<Object>) task.get("containers");
            for (int c = 0; c < containers.size(); c++) {
                Map<String, Object> container = (Map<String, Object>) containers.get(c);
                String host = (String) container.get("registryHost");
                Object registryId = container.get("registryId");
                boolean ok = lowered.contains(host.toLowerCase(Locale.ROOT))
                        || (registryId != null && allowedIds.contains(registryId))
                        || allowed.stream().anyMatch(type -> hostsOfType.apply(type).stream()
                                .anyMatch(typeHost -> typeHost.equalsIgnoreCase(host)));
                if (!ok && registryId == null) {
                    broken.add(loaded.locate("/tasks/" + t + "/containers/" + c + "/image") + ": container "
                            + container.get("name") + " in task " + task.get("name") + " pulls "
                            + SpecProblems.quote(container.get("image")) + " from " + host + ", which breaks rule "
                            + rule("allowedRegistries") + ", which allows " + String.join(", ", allowed)
                            + ": pull the image from an allowed registry");
                }
            }
        }
    }

    private void checkTaskCredentials(LoadedSpec loaded, List<String> broken) {
        List<RegistryEntry> registries = loaded.spec().registries();
        for (int i = 0; i < registries.size(); i++) {
            RegistryEntry entry = registries.get(i);
            if (!"task".equals(entry.auth())) {
                String pointer = loaded.sources().contains("/registries/" + i + "/auth")
                        ? "/registries/" + i + "/auth"
                        : "/registries/" + i;
                broken.add(loaded.locate(pointer) + ": registries[" + i + "] (" + entry.type() + ") uses auth "
                        + SpecProblems.quote(entry.auth()) + ", which breaks rule " + rule("requireTaskCredentials")
                        + ": set auth: task so that only the task execution role can read the credentials");
            }
        }
    }

    private String rule(String name) {
        return name + " of profile " + profile.locate("/rules/" + name);
    }

    /** Compiles a pattern where {@code *} matches any text and {@code ?} one character. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
