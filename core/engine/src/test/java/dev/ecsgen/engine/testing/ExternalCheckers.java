package dev.ecsgen.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.check.spec.ResourceSpecification;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gives tests the external checkers that {@code .ci/fetch-checkers} installs: the CloudFormation resource
 * specification and the offline validator {@code @aws/cloudformation-validate}.
 *
 * <p>The folder comes from the system property {@code ecsgen.checkers.dir}, which the parent pom sets to
 * {@code .ci/checkers}. When a checker is absent, a test is skipped, or fails when the system property
 * {@code ecsgen.requireCheckers} is {@code true} (as {@code .ci/run} sets it), so CI cannot pass without them.
 */
public final class ExternalCheckers {
    /** Maximum run time of one validator process; loading its WebAssembly module alone takes a few seconds. */
    private static final long VALIDATOR_TIMEOUT_SECONDS = 180;
    private static final String VALIDATOR_PACKAGE = "@aws/cloudformation-validate";

    private static Optional<ResourceSpecification> cachedSpecification;

    private ExternalCheckers() {
    }

    /**
     * One diagnostic of the validator.
     *
     * @param severity {@code FATAL}, {@code ERROR}, {@code WARN}, {@code INFO} or {@code DEBUG}
     * @param location the JSON of the diagnostic's entity, property path and line, for failure messages
     */
    public record ValidatorDiagnostic(String file, String severity, String ruleId, String message, String location) {
        /** Returns whether this diagnostic makes the validator exit with status 1. */
        public boolean isError() {
            return severity.equals("ERROR") || severity.equals("FATAL");
        }

        @Override
        public String toString() {
            return file + ": " + severity + " " + ruleId + " " + message + " (" + location + ")";
        }
    }

    /**
     * The outcome of one validator run.
     *
     * @param exitCode    0 when no diagnostic is an error, 1 when one is, 2 on a usage or install problem
     * @param diagnostics all diagnostics of every severity
     * @param stderr      the validator's standard error, for failure messages
     */
    public record ValidatorResult(int exitCode, List<ValidatorDiagnostic> diagnostics, String stderr) {
        public ValidatorResult {
            diagnostics = List.copyOf(diagnostics);
        }

        /** Returns the diagnostics of severity ERROR or FATAL. */
        public List<ValidatorDiagnostic> errors() {
            return diagnostics.stream().filter(ValidatorDiagnostic::isError).toList();
        }
    }

    /** Returns the folder that {@code .ci/fetch-checkers} fills. */
    public static Path checkersDir() {
        String configured = System.getProperty("ecsgen.checkers.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return projectDir().resolve(".ci").resolve("checkers");
    }

    /** Returns whether a missing checker fails a test instead of skipping it ({@code -Decsgen.requireCheckers=true}). */
    public static boolean requireCheckers() {
        return Boolean.getBoolean("ecsgen.requireCheckers");
    }

    /**
     * Loads {@code cfnspec/specification.json} from the checkers folder once per test JVM.
     *
     * @return empty when the file does not exist
     * @throws UncheckedIOException if the file exists but cannot be read or parsed
     */
    public static synchronized Optional<ResourceSpecification> resourceSpecification() {
        if (cachedSpecification == null) {
            Path file = checkersDir().resolve("cfnspec").resolve("specification.json");
            if (!Files.isRegularFile(file)) {
                cachedSpecification = Optional.empty();
            } else {
                try {
                    cachedSpecification = Optional.of(ResourceSpecification.load(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("failed to load the resource specification " + file, e);
                }
            }
        }
        return cachedSpecification;
    }

    /**
     * Runs {@code node tools/cfn-validate/validate.mjs --json TEMPLATE} with the package installed in the checkers
     * folder. Skips or fails the calling test, as {@link #assumeAvailable} does, when node or the install is missing.
     *
     * @throws AssertionError if the validator times out or prints output that is not its JSON report
     */
    public static ValidatorResult runCloudFormationValidate(Path template) {
        return runCloudFormationValidate(List.of(template));
    }

    /**
     * Runs the validator once on several templates, which saves its start-up time of several seconds per file;
     * each diagnostic names its file as given.
     */
    public static ValidatorResult runCloudFormationValidate(List<Path> templates) {
        Path installedPackage = checkersDir().resolve("cfn-validate").resolve("node_modules").resolve(VALIDATOR_PACKAGE);
        assumeAvailable("node on PATH", findOnPath("node").isPresent());
        assumeAvailable(VALIDATOR_PACKAGE + " in " + installedPackage, Files.isDirectory(installedPackage));

        Path script = projectDir().resolve("tools").resolve("cfn-validate").resolve("validate.mjs");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), "--json"));
        templates.forEach(template -> command.add(template.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("ECSGEN_CHECKERS_DIR", checkersDir().toString());
        try {
            Path stderrFile = Files.createTempFile("cfn-validate", ".stderr");
            try {
                builder.redirectError(stderrFile.toFile());
                Process process = builder.start();
                process.getOutputStream().close();
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(VALIDATOR_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Assertions.fail("validate.mjs timed out after " + VALIDATOR_TIMEOUT_SECONDS + " s on " + templates);
                }
                String stderr = Files.readString(stderrFile, StandardCharsets.UTF_8);
                int exitCode = process.exitValue();
                if (exitCode == 2) {
                    return new ValidatorResult(exitCode, List.of(), stderr);
                }
                return new ValidatorResult(exitCode, parseReport(new String(stdout, StandardCharsets.UTF_8), stderr), stderr);
            } finally {
                Files.deleteIfExists(stderrFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    /**
     * Continues the test when {@code present} is true. Otherwise skips it with the message
     * "skipped: CHECKER not found; run .ci/fetch-checkers", or fails it with that message when
     * {@link #requireCheckers()} is true.
     *
     * @param checker the checker or file to name in the message, such as its path
     */
    public static void assumeAvailable(String checker, boolean present) {
        if (present) {
            return;
        }
        String reason = checker + " not found; run .ci/fetch-checkers";
        if (requireCheckers()) {
            Assertions.fail(reason + " (ecsgen.requireCheckers is true, so a missing checker fails the test)");
        }
        Assumptions.assumeTrue(false, "skipped: " + reason);
    }

    private static List<ValidatorDiagnostic> parseReport(String stdout, String stderr) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(stdout);
        } catch (IOException e) {
            throw new AssertionError("validate.mjs printed output that is not JSON: " + stdout + "\nstderr: " + stderr, e);
        }
        List<ValidatorDiagnostic> diagnostics = new ArrayList<>();
        for (JsonNode report : root.path("reports")) {
            String file = report.path("file").asText();
            for (JsonNode diagnostic : report.path("diagnostics")) {
                JsonNode location = mapper.createObjectNode()
                        .put("line", diagnostic.path("startLine").asInt(0))
                        .put("propertyPath", diagnostic.path("propertyPath").asText(""))
                        .set("entity", diagnostic.path("entity"));
                diagnostics.add(new ValidatorDiagnostic(
                        file,
                        diagnostic.path("severity").asText(),
                        diagnostic.path("ruleId").asText(),
                        diagnostic.path("message").asText(),
                        location.toString()));
            }
        }
        return diagnostics;
    }

    /** Returns the repository root: {@code ecsgen.projectDir}, or the nearest parent of the working folder with tools/. */
    private static Path projectDir() {
        String configured = System.getProperty("ecsgen.projectDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("tools").resolve("cfn-validate"))) {
                return candidate;
            }
        }
        return dir;
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry).resolve(program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
