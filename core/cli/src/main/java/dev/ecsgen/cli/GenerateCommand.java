package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.GeneratedStack;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginInfo;
import dev.ecsgen.engine.spec.LoadedSpec;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.AtomicFileWriter;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen generate}: writes the template of one or many specs. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Generates a CloudFormation template from each stack spec (YAML or JSON).",
            "With no SPEC, generates the built-in reference example. A folder SPEC means every"
                    + " .yaml, .yml and .json file in it."
        },
        footerHeading = "%nExit codes (with --out-dir, the worst of the specs that failed):%n",
        footer = {
            "  0  every template was written",
            "  1  a spec or template fails a check, or a fragment fails to render",
            "  2  invalid usage or input, or an unwritable output",
            "  3  internal error in ecsgen or a plugin; rerun with --stacktrace, report it"
        })
public final class GenerateCommand implements Callable<Integer> {
    /** The reference example, copied into the jar from examples/reference.yaml by the build. */
    static final String REFERENCE_EXAMPLE = "/dev/ecsgen/cli/examples/reference.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "Stack spec files or folders of them.")
    List<Path> specs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the template to FILE, replacing it atomically, instead of to stdout.")
    Path output;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write each spec's template to DIR/<spec name>.json (or .yaml); for many specs.")
    Path outDir;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Template format: ${COMPLETION-CANDIDATES} (default: yaml when -o names a .yaml or .yml file,"
                    + " json otherwise).")
    OutputFormat format;

    @Option(names = "--strict", description = "Treat warnings as errors, such as an image whose registry has no credentials.")
    boolean strict;

    @Option(names = "--fragments", paramLabel = "DIR",
            description = "Fragment folder that overrides and extends the built-in fragments (repeatable; the first wins).")
    List<Path> fragmentDirs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Organization profile (YAML): defaults and tags merged under each spec, and rules each spec must follow.")
    Path profile;

    @Option(names = "--keep-rendered", paramLabel = "DIR",
            description = "Keep each fragment's raw rendered output in DIR, for debugging fragments.")
    Path keepRendered;

    @Override
    public Integer call() {
        common.configureLogging();
        List<Path> files = expandSpecs();
        boolean builtIn = specs.isEmpty();
        if (output != null && outDir != null) {
            throw new ParameterException(spec.commandLine(), "use either -o FILE or --out-dir DIR, not both");
        }
        if (files.size() > 1 && outDir == null) {
            throw new ParameterException(spec.commandLine(),
                    files.size() + " specs given: use --out-dir DIR to write one template for each");
        }
        if (format == null) {
            boolean yamlTarget = output != null && output.getFileName().toString().matches(".*\\.ya?ml");
            format = yamlTarget ? OutputFormat.YAML : OutputFormat.JSON;
        }
        GenerateOptions options = new GenerateOptions(format, strict, fragmentDirs, keepRendered,
                CommonOptions.pathList(System.getenv("ECSGEN_FRAGMENTS")), profile);
        try (PluginCatalog plugins = common.loadPlugins()) {
            printPluginProblems(plugins, spec.commandLine().getErr(), common.logging.quiet);
            StackGenerator generator = new StackGenerator(plugins, options);
            generator.prepareInBackground();
            if (builtIn) {
                return writeOne(generator, generator.applyProfile(loadBuiltIn()), output);
            }
            if (outDir == null) {
                return writeOne(generator, generator.load(files.get(0)), output);
            }
            // --verbose logs each stage as it ends, and on several threads the lines of different specs
            // would mix. One spec at a time keeps each spec's lines together.
            boolean sequential = keepRendered != null || common.logging.verbose;
            return new BatchRun(generator, outDir, format, spec.commandLine().getErr(), common.logging.quiet,
                    sequential).run(files);
        }
    }

    private int writeOne(StackGenerator generator, LoadedSpec loaded, Path target) {
        GeneratedStack stack = generator.generate(loaded);
        printWarnings(stack, spec.commandLine().getErr(), common.logging.quiet);
        if (target == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(stack.text());
            out.flush();
            if (out.checkError()) {
                return ExitCodes.INVALID_INPUT;
            }
        } else {
            AtomicFileWriter.write(target, stack.text());
        }
        return ExitCodes.OK;
    }

    static void printWarnings(GeneratedStack stack, PrintWriter err, boolean quiet) {
        if (quiet) {
            return;
        }
        for (String warning : stack.warnings()) {
            err.println("warning: " + warning);
        }
        for (Finding finding : stack.findings()) {
            err.println("warning: " + finding);
        }
        err.flush();
    }

    /**
     * Prints one warning for each plugin jar that failed to load or is disabled, so that a spec that needs it
     * fails with the reason in view; the other plugins still serve their specs.
     */
    static void printPluginProblems(PluginCatalog plugins, PrintWriter err, boolean quiet) {
        if (quiet) {
            return;
        }
        for (PluginInfo plugin : plugins.plugins()) {
            if (plugin.failure() != null) {
                String state = plugin.state().equals("disabled") ? "is disabled" : "failed to load";
                err.println("warning: plugin " + plugin.id() + " (" + plugin.source() + ") " + state + ": "
                        + plugin.failure());
            }
        }
        err.flush();
    }

    static LoadedSpec loadBuiltIn() {
        try (InputStream in = GenerateCommand.class.getResourceAsStream(REFERENCE_EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in reference example is missing from the ecsgen jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SpecLoader().parse("(built-in) examples/reference.yaml", null, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in reference example", e);
        }
    }

    private List<Path> expandSpecs() {
        List<Path> files = new ArrayList<>();
        for (Path path : specs) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> entries = Files.list(path)) {
                entries.filter(Files::isRegularFile)
                        .filter(file -> file.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw EcsgenException.invalidInput(path + ": cannot list the spec folder: " + e.getMessage());
            }
        }
        if (!specs.isEmpty() && files.isEmpty()) {
            throw EcsgenException.invalidInput(specs + ": no .yaml, .yml or .json spec files found");
        }
        return files;
    }
}
