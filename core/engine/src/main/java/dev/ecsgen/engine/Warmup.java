package dev.ecsgen.engine;

import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.render.FragmentRenderer;
import dev.ecsgen.engine.spec.LoadedSpec;
import dev.ecsgen.engine.spec.SpecLoader;

/**
 * The one-time library work of a short run, started on a daemon thread while the caller parses its
 * command line.
 *
 * <p>Much of a short run goes to work done once per process. Jackson builds its deserializers for
 * the spec types and its date format, which reads the JDK's locale data. FreeMarker loads and
 * initializes its parser and object wrapper. None of it depends on the command's arguments, so
 * {@link #start()} begins it at once. Class initialization is thread-safe: a caller that reaches a
 * class this thread is initializing waits for it and then uses it, so no class is initialized
 * twice. The spec mappers, and with them the deserializers built here, are shared with every
 * {@link SpecLoader}; the FreeMarker configuration used here is thrown away. A failure here is
 * ignored, because the run itself meets the same problem and reports it.
 *
 * <p>Nothing here may create an SLF4J logger: the command line sets the log level first, and the
 * simple backend reads it once, when the first logger is made.
 */
public final class Warmup {
    /** A small valid spec that touches every part of the spec types Jackson binds. */
    private static final String SPEC = """
            name: warm-up
            cluster:
              instanceType: t3.micro
            ami:
              source: ecs-optimized
              variant: al2023
            registries:
              - type: dockerhub
                auth: agent
            tasks:
              - name: web
                containers:
                  - name: web
                    image: exampleorg/web:1.0
                    memory: 128
                    portMappings:
                      - containerPort: 80
                    environment:
                      MODE: warm-up
                service:
                  desiredCount: 1
            tags:
              team: platform
            """;

    private Warmup() {
    }

    /** Starts the warm-up thread; the process can exit while it runs. */
    public static void start() {
        Thread thread = new Thread(Warmup::run, "ecsgen-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    static LoadedSpec parseSpec() {
        return new SpecLoader().parse("warm-up.yaml", null, SPEC);
    }

    static void run() {
        try {
            parseSpec();
        } catch (Throwable ignored) {
            // The run's own spec load meets any real problem again and reports it.
        }
        try {
            FragmentRenderer.warmUp();
            TemplateChecker.standard();
        } catch (Throwable ignored) {
            // The run's own render and check meet any real problem again and report it.
        }
    }
}
