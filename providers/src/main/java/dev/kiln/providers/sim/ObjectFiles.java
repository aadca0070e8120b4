package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.state.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One small JSON file per simulated object, under {@code ROOT/KIND/KEY.json}: each write
 * replaces one file atomically (temporary file in the same directory, then rename), so a
 * process killed at any moment leaves every object as it was before or after the write, and
 * an action costs I/O for its own objects only. Writes are not forced to disk: simulated
 * infrastructure must outlive its process, not a power cut, and fsync per object would make
 * large simulated applies I/O-bound. Files are private to their owner (clusters hold
 * kubeconfigs). Counts its file operations, so tests can check the cost
 * grows linearly.
 */
final class ObjectFiles
{
    private static final String SUFFIX = ".json";
    private static final int LONGEST_NAME = 160;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;
    private static final long PROCESS = ProcessHandle.current().pid();
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final AtomicLong TEMPORARIES = new AtomicLong();

    private final AtomicLong operations = new AtomicLong();

    ObjectFiles(Path root)
    {
        this.root = root.toAbsolutePath();
    }

    Path root()
    {
        return root;
    }

    long operations()
    {
        return operations.get();
    }

    void write(String kind, String key, Object object)
    {
        try {
            operations.incrementAndGet();
            Path file = file(kind, key);
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + "." + PROCESS + "-" + TEMPORARIES.incrementAndGet() + ".tmp");
            try {
                if (AtomicFiles.isPosix()) {
                    Files.createFile(temporary, PRIVATE);
                }
                Files.write(temporary, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(object), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated datacenter under " + root, e);
        }
    }

    void delete(String kind, String key)
    {
        try {
            operations.incrementAndGet();
            Files.deleteIfExists(file(kind, key));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated datacenter under " + root, e);
        }
    }

    /** Every object of a kind; temporary files an interrupted write left behind are skipped. */
    <T> List<T> readAll(String kind, Class<T> type)
    {
        Path directory = root.resolve(kind);
        List<T> objects = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return objects;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, file -> isObjectFile(file))) {
            for (Path file : files) {
                operations.incrementAndGet();
                objects.add(MAPPER.readValue(Files.readAllBytes(file), type));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated datacenter under " + root, e);
        }
        return objects;
    }

    /** The subdirectories of a kind (one per cluster for members), by name. */
    List<String> subdirectories(String kind)
    {
        Path directory = root.resolve(kind);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, Files::isDirectory)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated datacenter under " + root, e);
        }
        return names;
    }

    /** Removes temporary files interrupted writes left behind; only while no other process writes. */
    void removeLeftovers()
    {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot clean the simulated datacenter under " + root, e);
        }
    }

    /** A file name for any key: safe characters kept, others percent-encoded, long keys hashed. */
    static String fileName(String key)
    {
        StringBuilder name = new StringBuilder();
        for (byte octet : key.getBytes(StandardCharsets.UTF_8)) {
            char character = (char) (octet & 0xff);
            boolean safe = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9')
                    || character == '-' || character == '_' || (character == '.' && !name.isEmpty());
            if (safe) {
                name.append(character);
            }
            else {
                name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(octet));
            }
        }
        if (name.length() <= LONGEST_NAME) {
            return name.toString();
        }
        return name.substring(0, LONGEST_NAME - 65) + "~" + sha256(key);
    }

    private Path file(String kind, String key)
    {
        return root.resolve(kind).resolve(fileName(key) + SUFFIX);
    }

    private static boolean isObjectFile(Path file)
    {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static String sha256(String text)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
