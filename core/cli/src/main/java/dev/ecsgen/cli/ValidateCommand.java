package dev.ecsgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.check.spec.ResourceSpecification;
import dev.ecsgen.engine.template.TemplateFile;
import dev.ecsgen.engine.template.TemplateReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen validate}: checks CloudFormation templates with the same rules that {@code generate} runs. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks CloudFormation templates (JSON or YAML, short-form tags included) before deploy: references,"
                    + " intrinsic function nesting, CloudFormation limits, credentials, and the ECS agent's"
                    + " registry auth settings in EC2 user data.",
            "Prints one line per finding: file:line: JSON-path: severity [rule] message."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no errors (warnings allowed unless --strict)",
            "  1  a template has an error, or a warning with --strict",
            "  2  invalid usage, or an unreadable template or --resource-spec file",
            "  3  internal error in ecsgen; rerun with --stacktrace and report it"
        })
public final class ValidateCommand implements Callable<Integer> {
    /** Output formats of the findings. */
    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "TEMPLATE", arity = "1..*", description = "Template files to check.")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--resource-spec", paramLabel = "FILE",
            description = "Also check resource types, properties and attributes against this CloudFormation"
                    + " resource specification JSON file.")
    Path resourceSpec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Finding format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints one array of"
                    + " objects with file, line, path, severity, rule and message.")
    Format format;

    @Option(names = "--strict", description = "Exit with 1 on warnings too.")
    boolean strict;

    @Override
    public Integer call() {
        logging.configureLogging();
        TemplateChecker checker = resourceSpec == null ? TemplateChecker.standard()
                : TemplateChecker.standard(loadSpecification(resourceSpec));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<Finding> findings = new ArrayList<>();
        boolean invalidFile = false;
        for (Path template : templates) {
            try {
                long start = System.nanoTime();
                TemplateFile read = TemplateReader.read(template);
                logging.verbose("Read template {} ({} bytes) in {} ms", template, read.bytes(), LoggingOptions.millisSince(start));
                start = System.nanoTime();
                List<Finding> found = checker.check(read);
                logging.verbose("Checked {}: {} in {} ms", template,
                        found.size() == 1 ? "1 finding" : found.size() + " findings", LoggingOptions.millisSince(start));
                findings.addAll(found);
            } catch (EcsgenException e) {
                err.println("error: " + e.getMessage());
                invalidFile = true;
            }
        }

        if (format == Format.json) {
            out.println(toJson(findings));
        } else {
            findings.forEach(out::println);
        }
        out.flush();
        err.flush();

        if (invalidFile) {
            return ExitCodes.INVALID_INPUT;
        }
        boolean failed = findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR || strict);
        return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static ResourceSpecification loadSpecification(Path file) {
        try {
            return ResourceSpecification.load(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw EcsgenException.invalidInput(file + ": cannot read the --resource-spec file: file not found");
        } catch (IOException | IllegalArgumentException e) {
            throw EcsgenException.invalidInput(file + ": cannot read the --resource-spec file: " + e.getMessage()
                    + "; pass the CloudFormation resource specification JSON (CloudFormationResourceSpecification.json)");
        }
    }

    static String toJson(List<Finding> findings) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Finding finding : findings) {
            array.addObject()
                    .put("file", finding.file())
                    .put("line", finding.line())
                    .put("path", finding.path())
                    .put("severity", finding.severity().label())
                    .put("rule", finding.rule())
                    .put("message", finding.message());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing findings cannot fail", e);
        }
    }
}
