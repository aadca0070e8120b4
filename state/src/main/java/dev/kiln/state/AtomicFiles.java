package dev.kiln.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Crash-safe file replacement: content goes to a temporary file in the target's directory,
 * is forced to disk, renamed over the target atomically, and the directory is forced so the
 * rename survives a power cut. A reader sees the old file or the new one, never a torn one;
 * nothing is ever truncated in place. Files are private to their owner (0600) on POSIX systems.
 */
public final class AtomicFiles
{
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    public static void write(Path target, byte[] content)
            throws IOException
    {
        requireNonNull(content, "content is null");
        Path directory = parent(target);
        createDirectories(directory);
        Path temporary = createPrivateTemporary(directory, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /**
     * Makes {@code copy} another name for {@code source}'s current content, replacing it
     * atomically: a hard link where the file system has them (no bytes copied; safe because
     * files here are only ever replaced, never changed in place), a forced copy otherwise.
     */
    public static void preserve(Path source, Path copy)
            throws IOException
    {
        Path directory = parent(copy);
        createDirectories(directory);
        Path temporary = createPrivateTemporary(directory, copy.getFileName().toString());
        try {
            Files.delete(temporary);
            try {
                Files.createLink(temporary, source);
            }
            catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /** Forces a directory's entries (creations, renames, deletions) to disk; a no-op where directories cannot be opened. */
    public static void forceDirectory(Path directory)
            throws IOException
    {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates {@code file} empty and private (0600) if it does not exist. */
    public static void createPrivateFile(Path file)
            throws IOException
    {
        Path directory = parent(file);
        createDirectories(directory);
        try {
            Files.createFile(file, privateAttributes());
            forceDirectory(directory);
        }
        catch (FileAlreadyExistsException e) {
            // Another process created it first: equally good.
        }
    }

    /**
     * Deletes the temporary files an interrupted {@link #write} or {@link #preserve} of
     * {@code target} left behind. Only safe while holding the lock that serializes writers.
     */
    public static void deleteLeftoverTemporaries(Path target)
            throws IOException
    {
        Path directory = parent(target);
        if (!Files.isDirectory(directory)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                file -> file.getFileName().toString().startsWith(prefix) && file.getFileName().toString().endsWith(".tmp"))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Creates a directory and any missing parents, forcing each new entry to disk. */
    public static void createDirectories(Path directory)
            throws IOException
    {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        }
        catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }

    public static boolean isPosix()
    {
        return POSIX;
    }

    private static Path createPrivateTemporary(Path directory, String name)
            throws IOException
    {
        return Files.createTempFile(directory, "." + name + ".", ".tmp", privateAttributes());
    }

    private static FileAttribute<?>[] privateAttributes()
    {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)} : new FileAttribute<?>[0];
    }

    private static Path parent(Path file)
    {
        Path parent = requireNonNull(file, "file is null").toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("no directory for " + file);
        }
        return parent;
    }
}
