package dev.ecsgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level {@code ecsgen} command; each subcommand is its own class. */
@Command(name = "ecsgen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generates AWS CloudFormation stacks for Amazon ECS clusters on EC2 that pull from private registries.",
        subcommands = {
            GenerateCommand.class,
            ValidateCommand.class,
            PreviewCommand.class,
            PluginsCommand.class,
            FragmentsCommand.class,
            AmiCommand.class,
            DiagramCommand.class,
            SchemaCommand.class,
            InitCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  a spec or template fails a check; nothing was written",
            "  2  invalid usage or input, or an unwritable output; nothing was written",
            "  3  internal error in ecsgen or a plugin; rerun with --stacktrace, report it"
        })
public final class EcsgenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: try 'ecsgen generate' or 'ecsgen --help'");
    }
}
