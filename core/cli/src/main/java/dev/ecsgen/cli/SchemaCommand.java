package dev.ecsgen.cli;

import dev.ecsgen.engine.spec.SpecSchema;
import dev.ecsgen.engine.write.AtomicFileWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsgen schema}: prints the JSON Schema of the stack spec. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the JSON Schema (draft-07) of the stack spec, for editors that complete and check specs as you type.",
            "See docs/editor-support.md for VS Code and IntelliJ settings."
        })
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema to FILE instead of to stdout.")
    Path output;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Override
    public Integer call() {
        logging.configureLogging();
        String schema = SpecSchema.json();
        if (output != null) {
            AtomicFileWriter.write(output, schema);
            return ExitCodes.OK;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(schema);
        out.flush();
        return ExitCodes.OK;
    }
}
