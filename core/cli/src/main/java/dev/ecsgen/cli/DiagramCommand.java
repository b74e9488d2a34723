package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.diagram.DiagramWriter;
import dev.ecsgen.engine.diagram.TemplateGraph;
import dev.ecsgen.engine.template.TemplateFile;
import dev.ecsgen.engine.template.TemplateReader;
import dev.ecsgen.engine.write.AtomicFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen diagram}: draws the resources of a template and the references between them. */
@Command(name = "diagram",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Draws the resources of a CloudFormation template (JSON or YAML, including short-form tags such as"
                    + " !Ref) and the references between them:"
                    + " Ref, Fn::GetAtt, Fn::Sub variables and DependsOn.",
            "ECS references are named: the launch template's instance profile and its role, the secret in a"
                    + " container's RepositoryCredentials, and the registry each container pulls from."
        })
public final class DiagramCommand implements Callable<Integer> {
    private static final long DOT_TIMEOUT_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to draw, such as the output of 'ecsgen generate'.")
    Path template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", completionCandidates = FormatNames.class,
            description = "Diagram text format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DiagramWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the diagram text to FILE instead of to stdout.")
    Path output;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also render the diagram as SVG into FILE with Graphviz's dot command, which must be on PATH."
                    + " Without -o, the diagram text is then not printed.")
    Path svg;

    @Override
    public Integer call() {
        logging.configureLogging();
        long start = System.nanoTime();
        TemplateFile read = TemplateReader.read(template);
        logging.verbose("Read template {} ({} bytes) in {} ms", template, read.bytes(), LoggingOptions.millisSince(start));
        TemplateGraph graph;
        try {
            graph = TemplateGraph.of(read.template());
        } catch (IllegalArgumentException e) {
            throw EcsgenException.invalidInput(template + ": " + e.getMessage());
        }
        String text = DiagramWriter.write(graph, format);
        if (svg != null) {
            AtomicFileWriter.write(svg, renderSvg(DiagramWriter.dot(graph)));
        }
        if (output != null) {
            AtomicFileWriter.write(output, text);
        } else if (svg == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Runs {@code dot -Tsvg} on the DOT text and returns the SVG. */
    private static String renderSvg(String dotText) {
        Path dot = findOnPath("dot").orElseThrow(() -> EcsgenException.invalidInput(
                "--svg needs Graphviz's dot command, which is not on PATH: install Graphviz (the graphviz package),"
                        + " or write DOT text with --format dot and render it elsewhere"));
        try {
            Process process = new ProcessBuilder(dot.toString(), "-Tsvg")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            String svgText;
            try (InputStream out = process.getInputStream()) {
                svgText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(dot + " -Tsvg timed out after " + DOT_TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(dot + " -Tsvg failed with exit code " + process.exitValue()
                        + " on the DOT text that 'ecsgen diagram --format dot' prints");
            }
            return svgText;
        } catch (IOException e) {
            throw EcsgenException.invalidInput("cannot run " + dot + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + dot, e);
        }
    }

    /** The format names in lower case, as help and shell completion show them. */
    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            super(Arrays.stream(DiagramWriter.Format.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    static Optional<Path> findOnPath(String command) {
        for (Path folder : CommonOptions.pathList(System.getenv("PATH"))) {
            Path candidate = folder.resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
