package dev.ecsgen.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.api.AuthMode;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.plan.Planner;
import dev.ecsgen.engine.plan.StackPlan;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.render.FragmentLayers;
import dev.ecsgen.engine.render.FragmentRenderer;
import dev.ecsgen.engine.render.FragmentSet;
import dev.ecsgen.engine.render.RenderedFragment;
import dev.ecsgen.engine.render.TemplateMerger;
import dev.ecsgen.engine.spec.LoadedProfile;
import dev.ecsgen.engine.spec.LoadedSpec;
import dev.ecsgen.engine.spec.ProfileLoader;
import dev.ecsgen.engine.spec.ProfileRules;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.TemplateSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates templates from specs: load, plan, render, merge, check. One generator serves any number
 * of specs, so plugins are loaded and fragments parsed once per batch.
 */
public final class StackGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(StackGenerator.class);

    private final PluginCatalog plugins;
    private final GenerateOptions options;
    private final FragmentSet fragments;
    private final FragmentRenderer renderer;
    private final SpecLoader loader = new SpecLoader();
    private final TemplateChecker checker = TemplateChecker.standard();
    private final LoadedProfile profile;
    /** Finishes when the renderer has parsed the fragments, or {@code null} until {@link #prepareInBackground}. */
    private volatile CompletableFuture<Void> prepared;

    public StackGenerator(PluginCatalog plugins, GenerateOptions options) {
        this.plugins = plugins;
        this.options = options;
        this.fragments = new FragmentSet(FragmentLayers.build(options.fragmentDirs(), options.environmentFragmentDirs(), plugins));
        this.renderer = new FragmentRenderer(fragments);
        this.profile = options.profile() == null ? null : new ProfileLoader().load(options.profile());
    }

    /**
     * Starts parsing the fragments on a daemon thread, so that a caller who loads a spec next does both at
     * once. {@link #generate(LoadedSpec)} waits for it before the first render. Without this call the first
     * render parses the fragments itself, which suits a caller that only loads or plans.
     */
    public synchronized void prepareInBackground() {
        if (prepared == null) {
            prepared = startPreparing(renderer);
        }
    }

    private static CompletableFuture<Void> startPreparing(FragmentRenderer renderer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                renderer.prepare();
            } catch (Throwable e) {
                // The render meets the same problem again and reports it.
            } finally {
                done.complete(null);
            }
        }, "ecsgen-fragments");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    public FragmentSet fragments() {
        return fragments;
    }

    /** Loads and validates the spec in {@code file}, with the organization profile merged under it. */
    public LoadedSpec load(Path file) {
        long start = System.nanoTime();
        LoadedSpec spec = applyProfile(loader.load(file));
        LOG.info("Loaded spec {} ({}, {}) in {} ms", file, count(spec.spec().tasks().size(), "task"),
                count(spec.spec().registries().size(), "registry", "registries"), millisSince(start));
        return spec;
    }

    /** Merges the organization profile, if any, under a spec loaded without {@link #load(Path)}. */
    public LoadedSpec applyProfile(LoadedSpec spec) {
        return profile == null ? spec : profile.applyTo(spec);
    }

    /** Plans the stack (the data model every fragment renders from) and checks it against the profile's rules. */
    public StackPlan plan(LoadedSpec spec) {
        long start = System.nanoTime();
        StackPlan plan = new Planner(plugins, options.strict()).plan(spec);
        if (profile != null) {
            new ProfileRules(profile, this::hostsOfType).check(spec, plan.model());
        }
        LOG.info("Planned stack {} in {} ms", spec.spec().name(), millisSince(start));
        return plan;
    }

    /**
     * Returns the image hosts that the plugin of a registry type describes without a host of its own, such as
     * docker.io for dockerhub. The set is empty for an unknown type and for one that needs a host, such as selfhosted.
     */
    private Set<String> hostsOfType(String type) {
        List<PluginCatalog.Provided<RegistryAuthRenderer>> providers = plugins.registries().get(type);
        if (providers == null || providers.size() != 1) {
            return Set.of();
        }
        try {
            RegistryDescriptor descriptor = providers.get(0).extension()
                    .describe(new RegistrySpec(type, null, null, AuthMode.AGENT, null, null));
            return descriptor == null ? Set.of() : descriptor.imageHosts();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** Generates the template for {@code spec}; throws when a check finds an error. */
    public GeneratedStack generate(LoadedSpec spec) {
        StackPlan plan = plan(spec);
        long start = System.nanoTime();
        CompletableFuture<Void> parsing = prepared;
        if (parsing != null) {
            parsing.join();
        }
        List<RenderedFragment> rendered = renderer.renderAll(plan.model(), options.keepRendered());
        ObjectNode template = TemplateMerger.merge(rendered);
        LOG.info("Rendered and merged {} for stack {} in {} ms", count(rendered.size(), "fragment"),
                spec.spec().name(), millisSince(start));

        start = System.nanoTime();
        String text = TemplateSerializer.write(template, options.format());
        String file = spec.file() == null ? "<generated>" : spec.file().toString();
        List<Finding> findings = checker.check(file + " (generated template)", template,
                text.getBytes(StandardCharsets.UTF_8).length);
        LOG.info("Checked the template of stack {}: {} in {} ms", spec.spec().name(),
                count(findings.size(), "finding"), millisSince(start));
        List<Finding> failing = findings.stream()
                .filter(finding -> finding.severity() == Severity.ERROR || options.strict())
                .toList();
        if (!failing.isEmpty()) {
            throw EcsgenException.checkFailed("the generated template fails its checks; nothing was written:\n"
                    + failing.stream().map(finding -> finding + fromFragment(rendered, finding.path()))
                            .collect(Collectors.joining("\n")));
        }
        return new GeneratedStack(plan, template, text, findings, plan.warnings());
    }

    /**
     * Returns " (from fragment X)" for a finding inside a section entry, such as {@code /Resources/Topic/...},
     * naming the fragment that wrote the entry, or an empty string.
     */
    private static String fromFragment(List<RenderedFragment> rendered, String path) {
        String[] tokens = path.replaceFirst("^/", "").split("/", 3);
        if (tokens.length < 2) {
            return "";
        }
        String section = tokens[0];
        String entry = tokens[1].replace("~1", "/").replace("~0", "~");
        for (RenderedFragment fragment : rendered) {
            if (fragment.tree().path(section).has(entry)) {
                return " (from fragment " + fragment.source().location() + ")";
            }
        }
        return "";
    }

    /** Loads and generates in one step. */
    public GeneratedStack generate(Path specFile) {
        return generate(load(specFile));
    }

    private static String count(int n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
