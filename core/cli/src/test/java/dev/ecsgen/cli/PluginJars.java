package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.api.RegistryAuthRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars for tests: compiles sources with javac and PF4J's annotation processor, which writes
 * {@code META-INF/extensions.idx}, and packs the classes with the plugin manifest entries.
 */
final class PluginJars {
    private PluginJars() {
    }

    /** Compiles every .java file under {@code sourceRoot} and writes a plugin jar with {@code manifestEntries}. */
    static void build(Path sourceRoot, Path classes, Path jar, Map<String, String> manifestEntries)
            throws IOException, URISyntaxException {
        List<String> sources;
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(sources).as("sources under %s", sourceRoot).isNotEmpty();
        Files.createDirectories(classes);
        String classPath = jarOf(RegistryAuthRenderer.class) + java.io.File.pathSeparator + jarOf(org.pf4j.Extension.class);
        List<String> arguments = new ArrayList<>(List.of(
                "--release", "17", "-encoding", "UTF-8", "-classpath", classPath, "-d", classes.toString()));
        arguments.addAll(sources);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int result = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(result).as("javac of %s: %s", sourceRoot, diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach(attributes::putValue);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }

    /** Writes one Java source file, named after its public class, under {@code sourceRoot}. */
    static void writeSource(Path sourceRoot, String packageName, String className, String text) throws IOException {
        Path file = sourceRoot.resolve(packageName.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes 4 KiB of random bytes, which no zip reader accepts. */
    static void writeCorruptJar(Path jar) throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Files.write(jar, noise);
    }

    /** Writes a well-formed jar with one text file and a manifest without PF4J entries. */
    static void writeJarWithoutDescriptor(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("a library jar that is not an ecsgen plugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
