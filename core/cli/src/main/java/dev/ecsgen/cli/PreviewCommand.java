package dev.ecsgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.preview.InstancePreview;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.resolve.ResolveException;
import dev.ecsgen.engine.template.TemplateFile;
import dev.ecsgen.engine.template.TemplateReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen preview}: shows what a container instance of a template receives. */
@Command(name = "preview",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows what each container instance of a CloudFormation template receives: the user data script, the"
                    + " /etc/ecs/ecs.config it writes, the registry credentials the ECS agent decodes from it, and"
                    + " which credentials pull each container image.",
            "Reads JSON or YAML templates, including YAML short-form tags such as !Ref and !Sub. Nothing is deployed"
                    + " and the script is not run. Passwords and NoEcho values are masked unless --show-secrets is set."
        })
public final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "TEMPLATE", description = "The CloudFormation template, JSON or YAML.")
    Path template;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "A parameter value (repeatable). Parameters without one take their Default;"
                    + " those the preview does not use, such as VpcId, need none.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "Value of AWS::Region (default: " + PseudoParameters.DEFAULT_REGION + ").")
    String region;

    @Option(names = "--stack-name", paramLabel = "NAME",
            description = "Value of AWS::StackName (default: " + PseudoParameters.DEFAULT_STACK_NAME + ").")
    String stackName;

    @Option(names = "--show-secrets",
            description = "Show passwords, auth values and NoEcho parameter values instead of ****(length).")
    boolean showSecrets;

    @Override
    public Integer call() {
        logging.configureLogging();
        Map<String, String> values = parameterValues();
        long start = System.nanoTime();
        TemplateFile read = TemplateReader.read(template);
        logging.verbose("Read template {} ({} bytes) in {} ms", template, read.bytes(), LoggingOptions.millisSince(start));
        JsonNode document = read.template();
        PseudoParameters pseudo = new PseudoParameters(region, null, stackName, null);

        // Only the parameters that the user data, its conditions and the container definitions use need a value.
        List<String> problems = new IntrinsicResolver(document, values, pseudo).validateGivenParameters();
        if (!problems.isEmpty()) {
            return reportParameterProblems(problems, false);
        }
        InstancePreview.Result result;
        try {
            result = InstancePreview.build(document, values, pseudo);
        } catch (ResolveException e) {
            throw EcsgenException.invalidInput(template + ": " + e.getMessage());
        }
        if (!result.missingParameters().isEmpty()) {
            return reportParameterProblems(result.missingParameters().stream()
                    .map(name -> "Parameter '" + name + "' has no value and no Default, and the preview needs it."
                            + " Pass a value for it.")
                    .toList(), true);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.render(showSecrets));
        out.flush();
        return out.checkError() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    /**
     * Prints each problem as an error and returns the exit code. With {@code missingValues} it also says how
     * to give a value.
     */
    private int reportParameterProblems(List<String> problems, boolean missingValues) {
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : problems) {
            err.println("error: " + template + ": " + problem);
        }
        if (missingValues) {
            err.println("  give parameter values with -p Name=Value");
        }
        err.flush();
        return ExitCodes.CHECK_FAILED;
    }

    private Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                // The text may be a secret typed without its name, so it is not repeated.
                throw new ParameterException(spec.commandLine(),
                        "invalid -p value: expected NAME=VALUE, such as -p InstanceType=t3.small");
            }
            String name = parameter.substring(0, equals);
            if (values.put(name, parameter.substring(equals + 1)) != null) {
                throw new ParameterException(spec.commandLine(), "parameter '" + name + "' is given twice with -p. Give it"
                        + " once.");
            }
        }
        return values;
    }
}
