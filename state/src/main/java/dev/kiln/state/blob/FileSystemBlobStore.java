package dev.kiln.state.blob;

import dev.kiln.state.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Blobs as files under a root directory. A put streams into a private (0600) temporary file
 * beside the target, forces it to disk and renames it over the target atomically, so a
 * reader sees the old blob or the new one, never a torn one. Temporary files (names
 * starting with {@code .} and ending in {@code .tmp}) are never listed.
 */
public final class FileSystemBlobStore
        implements BlobStore
{
    private static final int BUFFER_SIZE = 1 << 20;
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path root;

    public FileSystemBlobStore(Path root)
    {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root()
    {
        return root;
    }

    @Override
    public StoredBlob put(String key, InputStream content)
            throws IOException
    {
        requireNonNull(content, "content is null");
        Path target = path(key);
        Path directory = target.getParent();
        AtomicFiles.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", TEMPORARY_SUFFIX, privateFile());
        try {
            Sha256 digest = new Sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER_SIZE];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    digest.update(buffer, 0, read);
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    size += read;
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(directory);
            return new StoredBlob(key, size, digest.hex());
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream get(String key)
            throws IOException
    {
        try {
            return Files.newInputStream(path(key));
        }
        catch (NoSuchFileException e) {
            throw new NoSuchBlobException(location(), key);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix)
            throws IOException
    {
        BlobKeys.checkPrefix(prefix);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<BlobInfo> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !isTemporary(file))
                    .forEach(file -> {
                        String key = key(file);
                        if (key.startsWith(prefix)) {
                            found.add(new BlobInfo(key, size(file)));
                        }
                    });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(Comparator.comparing(BlobInfo::key));
        return List.copyOf(found);
    }

    @Override
    public boolean delete(String key)
            throws IOException
    {
        Path file = path(key);
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            AtomicFiles.forceDirectory(file.getParent());
        }
        return deleted;
    }

    @Override
    public boolean exists(String key)
    {
        return Files.isRegularFile(path(key));
    }

    @Override
    public String location()
    {
        return root.toUri().toString();
    }

    private Path path(String key)
    {
        Path file = root.resolve(BlobKeys.check(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("blob key outside the store: " + key);
        }
        return file;
    }

    private String key(Path file)
    {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isTemporary(Path file)
    {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileAttribute<?>[] privateFile()
    {
        return AtomicFiles.isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
