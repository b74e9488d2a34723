package dev.ecsgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecsgen ami}: commands about machine images; {@code ami export} writes AMI map files. */
@Command(name = "ami",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Works with the machine images of the container instances.",
        subcommands = {AmiExportCommand.class})
public final class AmiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try 'ecsgen ami export --help'");
    }
}
