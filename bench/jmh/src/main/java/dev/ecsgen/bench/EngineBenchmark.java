package dev.ecsgen.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.GeneratedStack;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.plan.Planner;
import dev.ecsgen.engine.plan.StackPlan;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.render.FragmentLayer;
import dev.ecsgen.engine.render.FragmentRenderer;
import dev.ecsgen.engine.render.FragmentSet;
import dev.ecsgen.engine.render.RenderedFragment;
import dev.ecsgen.engine.render.TemplateMerger;
import dev.ecsgen.engine.spec.LoadedSpec;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.AtomicFileWriter;
import dev.ecsgen.engine.write.OutputFormat;
import dev.ecsgen.engine.write.TemplateSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Times each stage of generating examples/reference.yaml in a warm JVM: load, plan, render, merge,
 * check, serialize and write, plus the whole of {@link StackGenerator#generate(LoadedSpec)}.
 * Each stage runs on the output of the stages before it, prepared once in {@link #prepare()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    private static final String SPEC_RESOURCE = "/dev/ecsgen/bench/reference.yaml";
    private static final String SPEC_NAME = "examples/reference.yaml";

    private String specText;
    private PluginCatalog plugins;
    private SpecLoader loader;
    private FragmentRenderer renderer;
    private TemplateChecker checker;
    private StackGenerator generator;
    private LoadedSpec spec;
    private StackPlan plan;
    private List<RenderedFragment> rendered;
    private ObjectNode template;
    private String text;
    private long textBytes;
    private Path scratch;
    private Path target;

    @Setup
    public void prepare() throws IOException {
        try (InputStream in = EngineBenchmark.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the benchmarks jar");
            }
            specText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        plugins = PluginCatalog.load(List.of());
        loader = new SpecLoader();
        renderer = new FragmentRenderer(new FragmentSet(List.of(FragmentLayer.builtIn())));
        checker = new TemplateChecker();
        generator = new StackGenerator(plugins, new GenerateOptions(OutputFormat.JSON, false, List.of(), null));

        spec = loader.parse(SPEC_NAME, null, specText);
        plan = new Planner(plugins, false).plan(spec);
        rendered = renderer.renderAll(plan.model(), null);
        template = TemplateMerger.merge(rendered);
        text = TemplateSerializer.write(template, OutputFormat.JSON);
        textBytes = text.getBytes(StandardCharsets.UTF_8).length;
        List<Finding> findings = checker.check(SPEC_NAME, template, textBytes);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("the reference template has findings: " + findings);
        }
        scratch = Files.createTempDirectory("ecsgen-bench");
        target = scratch.resolve("stack.json");
    }

    @TearDown
    public void cleanUp() throws IOException {
        plugins.close();
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Parses, validates and completes the spec from text (no file read). */
    @Benchmark
    public LoadedSpec load() {
        return loader.parse(SPEC_NAME, null, specText);
    }

    /** Builds the data model the fragments see, with the plugins' contributions. */
    @Benchmark
    public StackPlan plan() {
        return new Planner(plugins, false).plan(spec);
    }

    /** Renders every built-in fragment with FreeMarker and parses each output as JSON. */
    @Benchmark
    public List<RenderedFragment> render() {
        return renderer.renderAll(plan.model(), null);
    }

    /** Merges the rendered fragments into one template. */
    @Benchmark
    public ObjectNode merge() {
        return TemplateMerger.merge(rendered);
    }

    /** Runs the reference, limit and credential rules on the merged template. */
    @Benchmark
    public List<Finding> check() {
        return checker.check(SPEC_NAME, template, textBytes);
    }

    /** Serializes the template as JSON text. */
    @Benchmark
    public String serialize() {
        return TemplateSerializer.write(template, OutputFormat.JSON);
    }

    /** Replaces the output file atomically, including the flush to disk, so it measures the disk too. */
    @Benchmark
    public Path write() {
        AtomicFileWriter.write(target, text);
        return target;
    }

    /** Plans, renders, merges, serializes and checks: what {@code generate} does per spec after loading it. */
    @Benchmark
    public GeneratedStack generate() {
        return generator.generate(spec);
    }
}
