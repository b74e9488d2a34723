package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GeneratedStack;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.write.AtomicFileWriter;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Generates many specs in one process with one generator, so plugins load and fragments parse once.
 * A failing spec is reported and the others still run; the exit code reports the worst failure.
 */
final class BatchRun {
    private final StackGenerator generator;
    private final Path outDir;
    private final OutputFormat format;
    private final PrintWriter err;
    private final boolean quiet;

    BatchRun(StackGenerator generator, Path outDir, OutputFormat format, PrintWriter err, boolean quiet) {
        this.generator = generator;
        this.outDir = outDir;
        this.format = format;
        this.err = err;
        this.quiet = quiet;
    }

    int run(List<Path> specs) {
        rejectSharedTargets(specs);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw EcsgenException.invalidInput(outDir + ": cannot create the output folder: " + e.getMessage());
        }
        boolean terminal = System.console() != null && !quiet;
        int written = 0;
        int exitCode = ExitCodes.OK;
        for (int i = 0; i < specs.size(); i++) {
            Path spec = specs.get(i);
            if (terminal) {
                err.print("\r[" + (i + 1) + "/" + specs.size() + "] " + spec.getFileName() + "\u001b[K");
                err.flush();
            }
            try {
                GeneratedStack stack = generator.generate(generator.load(spec));
                AtomicFileWriter.write(outDir.resolve(targetName(spec)), stack.text());
                GenerateCommand.printWarnings(stack, err, quiet || terminal);
                written++;
            } catch (EcsgenException e) {
                if (terminal) {
                    err.print("\r\u001b[K");
                }
                for (String line : e.getMessage().split("\n")) {
                    err.println(line.startsWith("  ") ? line : "error: " + line);
                }
                exitCode = Math.max(exitCode, e.exitCode());
            } catch (RuntimeException e) {
                // A bug in ecsgen or a plugin fails this spec only; the other specs still run.
                if (terminal) {
                    err.print("\r\u001b[K");
                }
                err.println("error: " + spec + ": internal error: " + e + "; this is a bug in ecsgen or a plugin."
                        + " Rerun this spec alone with --stacktrace and report the output.");
                exitCode = Math.max(exitCode, ExitCodes.INTERNAL_ERROR);
            }
        }
        if (terminal) {
            err.print("\r\u001b[K");
        }
        int failed = specs.size() - written;
        if (!quiet || failed > 0) {
            err.println("generated " + written + " of " + specs.size() + " stacks into " + outDir
                    + (failed > 0 ? "; " + failed + " failed" : ""));
        }
        err.flush();
        return exitCode;
    }

    /** Rejects two specs that would write one file, such as prod/cluster.yaml and dev/cluster.yaml. */
    private void rejectSharedTargets(List<Path> specs) {
        java.util.Map<String, Path> byTarget = new java.util.HashMap<>();
        List<String> clashes = new java.util.ArrayList<>();
        for (Path spec : specs) {
            Path earlier = byTarget.putIfAbsent(targetName(spec), spec);
            if (earlier != null) {
                clashes.add(earlier + " and " + spec + " would both write " + outDir.resolve(targetName(spec))
                        + ": rename one spec, or generate them into separate --out-dir folders");
            }
        }
        if (!clashes.isEmpty()) {
            throw EcsgenException.invalidInput(String.join("\n", clashes));
        }
    }

    private String targetName(Path spec) {
        String name = spec.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return name + "." + format.name().toLowerCase(Locale.ROOT);
    }
}
