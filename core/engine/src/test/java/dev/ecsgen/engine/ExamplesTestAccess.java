package dev.ecsgen.engine;

import dev.ecsgen.engine.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The example specs of {@link ExamplesTest}, for tests in other packages. */
public final class ExamplesTestAccess {
    private ExamplesTestAccess() {
    }

    /** Returns every spec under examples/, without the AMI map files. */
    public static List<Path> examples() throws IOException {
        return ExamplesTest.examples().toList();
    }

    /** Returns the path of one file under examples/. */
    public static Path example(String name) {
        return Golden.projectDir().resolve("examples").resolve(name);
    }
}
