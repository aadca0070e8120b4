package dev.kiln.state.encryption;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.StateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A 32-byte key read from a file that holds it base64-encoded ({@code head -c 32 /dev/urandom | base64 > state.key}). */
public final class KeyFileProvider
        extends KeyProvider
{
    public static final String ID = "key_file";

    private final SealingKey key;

    private KeyFileProvider(SealingKey key)
    {
        this.key = key;
    }

    /** The key in {@code file}; a missing, unreadable or malformed file is a {@link StateException} naming it (never its content). */
    public static KeyFileProvider read(Path file)
    {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        catch (IOException e) {
            throw new StateException(Diagnostic.errorWithoutSource("Failed to read the encryption key file",
                    "%s could not be read: %s. key_file names a file holding a 32-byte key, base64-encoded.".formatted(file, e.getClass().getSimpleName())), e);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException e) {
            throw StateException.error("Invalid encryption key file", file + " is not base64 text. Write a 32-byte key with: head -c 32 /dev/urandom | base64 > " + file.getFileName());
        }
        try {
            if (bytes.length != SealingKey.KEY_BYTES) {
                throw StateException.error("Invalid encryption key file",
                        "%s holds %d bytes; an AES-256 key has 32. Write one with: head -c 32 /dev/urandom | base64 > %s".formatted(file, bytes.length, file.getFileName()));
            }
            return new KeyFileProvider(SealingKey.of(bytes, Optional.empty()));
        }
        finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A provider for a key held in memory (32 bytes). */
    public static KeyFileProvider of(byte[] key)
    {
        return new KeyFileProvider(SealingKey.of(key.clone(), Optional.empty()));
    }

    @Override
    public String id()
    {
        return ID;
    }

    @Override
    SealingKey sealingKey()
    {
        return key;
    }

    @Override
    Optional<SealingKey> openingKey(Optional<KdfParameters> kdf)
    {
        return kdf.isEmpty() ? Optional.of(key) : Optional.empty();
    }

    @Override
    public String toString()
    {
        return "KeyFileProvider";
    }
}
