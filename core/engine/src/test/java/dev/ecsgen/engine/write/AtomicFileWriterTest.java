package dev.ecsgen.engine.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes writes fail in ways that also stop root, as CI runs as root and ignores file permissions, and checks
 * that the old file stays as it was, no temporary file is left and the message says what failed.
 */
class AtomicFileWriterTest {
    private static final String OLD = "{\"old\": true}\n";

    @TempDir
    Path folder;

    @Test
    void replacesFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("stack.json");
        Files.writeString(target, OLD);

        AtomicFileWriter.write(target, "{\"new\": true}\n");

        assertThat(target).hasContent("{\"new\": true}");
        assertThat(listing(folder)).containsExactly("stack.json");
    }

    @Test
    void directoryTargetIsRejected() throws IOException {
        Path target = Files.createDirectories(folder.resolve("stack.json"));

        EcsgenException error = catchThrowableOfType(EcsgenException.class, () -> AtomicFileWriter.write(target, "{}"));

        assertThat(error.getMessage()).isEqualTo(target + ": is a directory: name a file, such as "
                + target.resolve("stack.json"));
        assertThat(error.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
        assertThat(listing(target)).isEmpty();
    }

    @Test
    void fileUsedAsFolderIsRejected() throws IOException {
        Path notAFolder = folder.resolve("notes.txt");
        Files.writeString(notAFolder, OLD);
        Path target = notAFolder.resolve("stack.json");

        EcsgenException error = catchThrowableOfType(EcsgenException.class, () -> AtomicFileWriter.write(target, "{}"));

        assertThat(error.getMessage()).isEqualTo(target + ": cannot write: " + notAFolder
                + " is a file, not a folder: choose an output path inside a folder");
        assertThat(notAFolder).hasContent(OLD.strip());
        assertThat(listing(folder)).containsExactly("notes.txt");
    }

    @Test
    void missingFolderIsRejected() {
        Path target = folder.resolve("missing/stack.json");

        EcsgenException error = catchThrowableOfType(EcsgenException.class, () -> AtomicFileWriter.write(target, "{}"));

        assertThat(error.getMessage()).isEqualTo(target + ": cannot write: folder " + folder.resolve("missing")
                + " does not exist");
    }

    @Test
    void procFileSystemRejectsWrite() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc file system on this machine");
        Path target = Path.of("/proc/ecsgen-hardening-test.json");

        EcsgenException error = catchThrowableOfType(EcsgenException.class, () -> AtomicFileWriter.write(target, "{}"));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).startsWith(target + ": cannot write: ")
                .endsWith("; the old file, if any, is unchanged");
        assertThat(error.getMessage()).doesNotContain("Exception");
        assertThat(target).doesNotExist();
    }

    @Test
    void immutableFolderKeepsOldFile() throws Exception {
        Path target = folder.resolve("stack.json");
        Files.writeString(target, OLD);
        assumeTrue(run("chattr", "+i", folder.toString()) == 0, "chattr +i is not permitted here");
        try {
            EcsgenException error = catchThrowableOfType(EcsgenException.class,
                    () -> AtomicFileWriter.write(target, "{\"new\": true}\n"));

            assertThat(error.getMessage()).startsWith(target + ": cannot write: " + folder.toAbsolutePath() + "/.stack.json.")
                    .endsWith(".tmp: Operation not permitted; the old file, if any, is unchanged");
            assertThat(target).hasContent(OLD.strip());
            assertThat(listing(folder)).containsExactly("stack.json");
        } finally {
            run("chattr", "-i", folder.toString());
        }
    }

    /**
     * Fills a 64 KiB tmpfs. Mounting needs root and a kernel that permits it in this container; without both the
     * test is skipped with that reason.
     */
    @Test
    void fullDiskKeepsOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path mount = Files.createDirectories(folder.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0,
                "mounting a 64 KiB tmpfs is not permitted here (needs root and mount rights)");
        try {
            Path target = mount.resolve("stack.json");
            Files.writeString(target, OLD);

            EcsgenException error = catchThrowableOfType(EcsgenException.class,
                    () -> AtomicFileWriter.write(target, "x".repeat(256 * 1024)));

            assertThat(error.getMessage()).isEqualTo(target + ": cannot write: no space left on the device;"
                    + " the old file, if any, is unchanged");
            assertThat(target).hasContent(OLD.strip());
            assertThat(listing(mount)).containsExactly("stack.json");
        } finally {
            run("umount", mount.toString());
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1;
        }
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
