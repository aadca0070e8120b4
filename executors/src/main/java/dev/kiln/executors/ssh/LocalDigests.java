package dev.kiln.executors.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** SHA-256 of local files, computed once per file version (path, size, modification time) per run. */
final class LocalDigests
{
    private final ConcurrentMap<Version, String> digests = new ConcurrentHashMap<>();

    String sha256(Path file)
    {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            Version version = new Version(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute));
            return digests.computeIfAbsent(version, ignored -> compute(absolute));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static MessageDigest newDigest()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String compute(Path file)
    {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream input = Files.newInputStream(file)) {
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private record Version(Path file, long size, FileTime modified) {}
}
