package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.render.FragmentLayer;
import dev.ecsgen.engine.render.FragmentLayers;
import dev.ecsgen.engine.render.FragmentSet;
import dev.ecsgen.engine.render.FragmentSource;
import dev.ecsgen.engine.render.ModelJson;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecsgen fragments}: lists, exports and explains the fragments templates are rendered from. */
@Command(name = "fragments",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists, exports and explains the fragments that templates are rendered from.",
        subcommands = {FragmentsCommand.ListCommand.class, FragmentsCommand.ExportCommand.class,
            FragmentsCommand.ModelCommand.class})
public final class FragmentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: try 'ecsgen fragments list', "
                + "'ecsgen fragments export DIR' or 'ecsgen fragments model SPEC'");
    }

    /** {@code ecsgen fragments list}: every fragment and library in effect, its layer and what it overrides. */
    @Command(name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Lists every fragment and library in effect, in render order, with the layer it comes from"
                        + " and the layers it overrides.",
                "Layers, highest first: each --fragments DIR, each folder of ECSGEN_FRAGMENTS, the fragments"
                        + " of each plugin, then the built-ins."
            })
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--fragments", paramLabel = "DIR",
                description = "Fragment folder that overrides and extends the built-in fragments (repeatable; the first wins).")
        List<Path> fragmentDirs = new ArrayList<>();

        @Override
        public Integer call() {
            common.configureLogging();
            PrintWriter out = spec.commandLine().getOut();
            try (PluginCatalog plugins = common.loadPlugins()) {
                FragmentSet fragments = new FragmentSet(FragmentLayers.build(fragmentDirs,
                        CommonOptions.pathList(System.getenv("ECSGEN_FRAGMENTS")), plugins));
                out.println("Layers, highest first:");
                int number = 1;
                for (FragmentLayer layer : fragments.layers()) {
                    out.println("  " + number++ + ". " + layer.label()
                            + (layer.origin() == null ? "" : " (" + layer.origin() + ")")
                            + ": " + layer.sources().size() + (layer.sources().size() == 1 ? " file" : " files"));
                }
                out.println();
                FragmentLayer builtIn = fragments.layers().get(fragments.layers().size() - 1);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"NAME", "KIND", "LAYER", "OVERRIDES"});
                for (FragmentSet.Entry entry : fragments.entries()) {
                    FragmentSource source = entry.source();
                    String kind = source.isLibrary() ? "library" : "fragment";
                    if (!builtIn.sources().containsKey(source.name())) {
                        kind = "added " + kind;
                    }
                    String overrides = entry.overridden().isEmpty() ? "-" : entry.overridden().stream()
                            .map(hidden -> hidden.layer().label())
                            .collect(Collectors.joining(", "));
                    rows.add(new String[] {source.name(), kind, source.layer().label(), overrides});
                }
                printTable(out, rows);
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static void printTable(PrintWriter out, List<String[]> rows) {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    /** {@code ecsgen fragments export DIR}: copies the built-in fragments out for editing. */
    @Command(name = "export",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Copies the built-in fragments, index.txt and the lib/ macro library into DIR, to edit and"
                        + " then use with --fragments DIR.",
                "Keep only the files you change: a file left unchanged still hides later built-in fixes."
            })
    static final class ExportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Folder to copy the fragments into; created when missing.")
        Path folder;

        @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
        boolean force;

        @Override
        public Integer call() {
            ClassLoader loader = FragmentLayer.class.getClassLoader();
            Map<String, URL> files = new LinkedHashMap<>();
            files.put("index.txt", loader.getResource(FragmentLayer.BUILT_IN_ROOT + "index.txt"));
            FragmentLayer.builtIn().sources().forEach((name, source) -> files.put(name, source.resource()));
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw EcsgenException.invalidInput(folder + ": exists and is not a folder: choose a folder to export to");
            }
            if (!force) {
                for (String name : files.keySet()) {
                    Path target = folder.resolve(name);
                    if (Files.exists(target)) {
                        throw EcsgenException.invalidInput(target + ": already exists: export to a new folder,"
                                + " or add --force to overwrite the built-in files in " + folder);
                    }
                }
            }
            for (Map.Entry<String, URL> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                try (InputStream in = file.getValue().openStream()) {
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                } catch (IOException e) {
                    throw EcsgenException.invalidInput(target + ": cannot write: " + e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("exported " + files.size() + (files.size() == 1 ? " file" : " files") + " to " + folder
                    + "; edit them, delete the ones you keep as they are, and pass --fragments " + folder);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code ecsgen fragments model SPEC}: the data model fragments see, as JSON. */
    @Command(name = "model",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Prints the data model that fragments see for SPEC as indented JSON, with the profile merged in.")
    static final class ModelCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "SPEC", description = "Stack spec file (YAML or JSON).")
        Path specFile;

        @Option(names = "--profile", paramLabel = "FILE",
                description = "Organization profile (YAML) to merge under the spec and check it against.")
        Path profile;

        @Option(names = "--strict", description = "Treat warnings as errors, as generate --strict does.")
        boolean strict;

        @Override
        public Integer call() {
            common.configureLogging();
            GenerateOptions options = new GenerateOptions(OutputFormat.JSON, strict, List.of(), null, List.of(), profile);
            try (PluginCatalog plugins = common.loadPlugins()) {
                StackGenerator generator = new StackGenerator(plugins, options);
                Map<String, Object> model = generator.plan(generator.load(specFile)).model();
                PrintWriter out = spec.commandLine().getOut();
                out.print(ModelJson.pretty(model));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
