package dev.kiln.executors.ssh.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates ed25519 key pairs with ssh-keygen, optionally encrypted with a passphrase. */
public final class KeyGenerator
{
    private KeyGenerator() {}

    /** Writes {@code file} and {@code file.pub}; returns the public key, {@code "ssh-ed25519 AAAA..."}. */
    public static String generate(Path file, String comment)
            throws IOException
    {
        return generate(file, comment, "");
    }

    public static String generate(Path file, String comment, String passphrase)
            throws IOException
    {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".pub"));
        Process process = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f", file.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ssh-keygen failed for " + file + ": " + output);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating " + file, e);
        }
        String[] fields = Files.readString(Path.of(file + ".pub")).strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }
}
