package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.write.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen init}: writes a commented starter spec. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a starter stack spec, DIR/ecsgen.yaml, with one container and one registry entry for each"
                    + " registry you choose, and comments that explain each key.",
            "Generate it with: ecsgen generate DIR/ecsgen.yaml"
        })
public final class InitCommand implements Callable<Integer> {
    /** The file name of the written spec. */
    static final String SPEC_FILE = "ecsgen.yaml";
    private static final String DEFAULT_NAME = "my-cluster";

    /** The registries a starter spec can include. */
    enum Registry {
        dockerhub,
        quay,
        selfhosted
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
            description = "The folder to write ecsgen.yaml into; created if missing (default: the current folder).")
    Path dir;

    @Option(names = "--registry", paramLabel = "REGISTRY", split = ",", defaultValue = "dockerhub",
            description = "Registries to include, comma-separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Registry> registries = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing ecsgen.yaml.")
    boolean force;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Override
    public Integer call() {
        logging.configureLogging();
        Path target = dir.resolve(SPEC_FILE);
        if (Files.exists(target) && !force) {
            throw EcsgenException.invalidInput(target + ": the file exists and was left unchanged:"
                    + " use --force to replace it, or choose another DIR");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw EcsgenException.invalidInput(dir + ": cannot create the folder: " + e.getMessage());
        }
        AtomicFileWriter.write(target, starterSpec(stackName(dir), new LinkedHashSet<>(registries)));
        if (!logging.quiet) {
            spec.commandLine().getErr().println("wrote " + target + "; generate it with: ecsgen generate " + target);
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    /** Derives a stack name from the folder name, or returns {@code my-cluster} when that is not a valid name. */
    static String stackName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String candidate = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return candidate.matches("[a-z][a-z0-9-]{0,63}") ? candidate : DEFAULT_NAME;
    }

    static String starterSpec(String name, Set<Registry> chosen) {
        StringBuilder text = new StringBuilder();
        text.append("""
                # A starter ecsgen stack spec. Generate the CloudFormation template with:
                #   ecsgen generate ecsgen.yaml -o stack.json
                # Editors can complete and check this file with the schema that 'ecsgen schema' prints.

                # Prefix of resource names and tags: a letter, then letters, digits and '-'.
                name: %s

                # The EC2 container instances (an Auto Scaling group). Every key has a default.
                cluster:
                  instanceType: t3.micro
                  minSize: 0
                  maxSize: 4
                  desiredCapacity: 1

                # The ECS-optimized Amazon Linux 2023 AMI, read from the public SSM parameter at deploy time.
                ami:
                  source: ecs-optimized
                  variant: al2023

                # Private registries. With auth: agent, the credentials arrive as NoEcho template parameters
                # when the stack is deployed and are written to the ECS agent config of each instance.
                # With auth: task, they live in a Secrets Manager secret that the task reads.
                registries:
                """.formatted(name));
        for (Registry registry : chosen) {
            text.append(switch (registry) {
                case dockerhub -> """
                          # Docker Hub: images such as exampleorg/app:1.0 or docker.io/exampleorg/app:1.0.
                          - type: dockerhub
                            auth: agent
                        """;
                case quay -> """
                          # Quay (quay.io): log in with a robot account, namespace+robotname, and its token.
                          - type: quay
                            auth: agent
                        """;
                case selfhosted -> """
                          # A registry you run. host is host[:port] exactly as images name it.
                          - type: selfhosted
                            host: registry.example.com:5000
                            auth: agent
                        """;
            });
        }
        text.append("""

                tasks:
                  - name: app
                    containers:
                """);
        for (Registry registry : chosen) {
            String image = switch (registry) {
                case dockerhub -> "exampleorg/app:1.0";
                case quay -> "quay.io/exampleorg/app:1.0";
                case selfhosted -> "registry.example.com:5000/team/app:1.0";
            };
            text.append("""
                          # Replace the image with yours. private: true makes a missing credential an error.
                          - name: %s
                            image: %s
                            memory: 128
                            cpu: 128
                            private: true
                    """.formatted(registry.name(), image));
        }
        text.append("""
                    # The service keeps desiredCount copies of the task running; remove it for a task definition only.
                    service:
                      desiredCount: 1
                """);
        return text.toString();
    }
}
