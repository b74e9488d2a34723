package dev.ecsgen.engine.write;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file atomically: the text goes to a temporary file beside it, which is flushed to disk
 * and then moved over the target. A failure leaves the old file as it was and no temporary file.
 */
public final class AtomicFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFileWriter() {
    }

    public static void write(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw EcsgenException.invalidInput(target + ": is a directory: name a file, such as " + target.resolve("stack.json"));
        }
        Path folder = absolute.getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw EcsgenException.invalidInput(target + ": cannot write: " + folder
                    + " is a file, not a folder: choose an output path inside a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw EcsgenException.invalidInput(target + ": cannot write: folder " + folder + " does not exist");
        }
        Path temporary = null;
        try {
            temporary = createTemporary(folder, absolute.getFileName().toString());
            keepPermissions(absolute, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            LOG.info("Wrote {} ({} bytes)", target, text.getBytes(StandardCharsets.UTF_8).length);
        } catch (AccessDeniedException e) {
            throw EcsgenException.invalidInput(target + ": cannot write: permission denied on " + e.getFile()
                    + "; the old file, if any, is unchanged");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(target + ": cannot write: " + describe(e)
                    + "; the old file, if any, is unchanged");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }

    /**
     * Creates an empty file beside the target that no other writer can have opened. Its name comes from the
     * process id and a counter, and creating it fails when the name is taken. Files.createTempFile would
     * draw a random name, and seeding its secure random source costs a short run several milliseconds.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path candidate = folder.resolve("." + name + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // Left by an earlier process with the same id; take the next number.
            }
        }
    }

    /**
     * Gives the temporary file the permissions of the file it replaces, or rw-r--r-- for a new file:
     * the umask may leave it narrower or wider, and a template contains no secret.
     */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** Describes a failed write without Java class names; the JDK's own text for a file system error is its reason. */
    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("No space left")) {
            return "no space left on the device";
        }
        if (e instanceof FileSystemException fileError) {
            String reason = fileError.getReason();
            if (reason == null) {
                reason = e instanceof NoSuchFileException
                        ? "the file system does not allow creating this file"
                        : "the file system rejected the write";
            }
            return (fileError.getFile() == null ? "" : fileError.getFile() + ": ") + reason;
        }
        return message.isEmpty() ? "input/output error" : message;
    }
}
