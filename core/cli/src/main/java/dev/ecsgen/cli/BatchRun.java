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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates many specs in one process with one generator, so plugins load and fragments parse once.
 * A failing spec is reported and the others still run; the exit code reports the worst failure.
 *
 * <p>Specs are generated on several threads, because writing each template waits for the disk
 * ({@link AtomicFileWriter} flushes every file) and the waits of several threads overlap. Messages
 * are printed in spec order, as a sequential run prints them.
 */
final class BatchRun {
    /**
     * Threads per processor. Two keep the CPUs busy while other threads wait for their file
     * flushes; measured with bench/run on a 2-core machine, more gained nothing.
     */
    private static final int THREADS_PER_PROCESSOR = 2;

    private final StackGenerator generator;
    private final Path outDir;
    private final OutputFormat format;
    private final PrintWriter err;
    private final boolean quiet;
    private final int threads;

    /** The result of one spec: its warnings, or the error that stopped it. */
    private record Outcome(GeneratedStack stack, EcsgenException error) {
    }

    /**
     * @param sequential generate one spec at a time, as {@code --keep-rendered} needs, because
     *     every spec writes its rendered fragments to the same file names, and as {@code --verbose}
     *     needs to keep the log lines of each spec together
     */
    BatchRun(StackGenerator generator, Path outDir, OutputFormat format, PrintWriter err, boolean quiet,
            boolean sequential) {
        this.generator = generator;
        this.outDir = outDir;
        this.format = format;
        this.err = err;
        this.quiet = quiet;
        this.threads = sequential ? 1 : THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, specs.size()), runnable -> {
            Thread thread = new Thread(runnable, "ecsgen-batch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>(specs.size());
            for (Path spec : specs) {
                outcomes.add(pool.submit(() -> generate(spec)));
            }
            for (int i = 0; i < specs.size(); i++) {
                Path spec = specs.get(i);
                if (terminal) {
                    err.print("\r[" + (i + 1) + "/" + specs.size() + "] " + spec.getFileName() + "\u001b[K");
                    err.flush();
                }
                Outcome outcome = await(outcomes.get(i));
                // Drops the finished template, so a large batch holds only the ones not yet reported.
                outcomes.set(i, null);
                if (outcome.error() == null) {
                    GenerateCommand.printWarnings(outcome.stack(), err, quiet || terminal);
                    written++;
                    continue;
                }
                if (terminal) {
                    err.print("\r\u001b[K");
                }
                String message = outcome.error().getMessage();
                // A fragment or check error names no spec, and in a batch every spec may report it.
                if (!message.startsWith(spec.toString())) {
                    message = spec + ": " + message;
                }
                for (String line : message.split("\n")) {
                    err.println(line.startsWith("  ") ? line : "error: " + line);
                }
                exitCode = Math.max(exitCode, outcome.error().exitCode());
            }
        } finally {
            pool.shutdownNow();
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

    private Outcome generate(Path spec) {
        try {
            GeneratedStack stack = generator.generate(generator.load(spec));
            AtomicFileWriter.write(outDir.resolve(targetName(spec)), stack.text());
            return new Outcome(stack, null);
        } catch (EcsgenException e) {
            return new Outcome(null, e);
        } catch (RuntimeException e) {
            // A bug in ecsgen or a plugin fails this spec only; the other specs still run.
            return new Outcome(null, new EcsgenException(ExitCodes.INTERNAL_ERROR, spec + ": internal error: " + e
                    + "; this is a bug in ecsgen or a plugin. Rerun this spec alone with --stacktrace and report the output.", e));
        }
    }

    /** Waits for one spec; generate() turns every exception into an outcome, so only an Error gets through. */
    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private String targetName(Path spec) {
        String name = spec.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return name + "." + format.name().toLowerCase(Locale.ROOT);
    }
}
