package dev.kiln.providers.backup;

import dev.kiln.state.blob.FileSystemBlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/** The machine running Kiln as an etcd host: commands through {@code /bin/sh -c}, files on the local file system. */
public final class LocalEtcdHost
        implements EtcdHost
{
    private final String name;

    public LocalEtcdHost(String name)
    {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public CommandResult run(String command)
            throws IOException
    {
        Process process = new ProcessBuilder(List.of("/bin/sh", "-c", requireNonNull(command, "command is null"))).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> error = CompletableFuture.supplyAsync(() -> readQuietly(process.getErrorStream()));
        byte[] output = process.getInputStream().readAllBytes();
        try {
            int exitCode = process.waitFor();
            return new CommandResult(exitCode, new String(output, StandardCharsets.UTF_8), new String(error.join(), StandardCharsets.UTF_8));
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + ": interrupted while running a command");
        }
    }

    @Override
    public <T> T read(String path, StreamReader<T> reader)
            throws IOException
    {
        try (InputStream content = Files.newInputStream(Path.of(path))) {
            return reader.read(content);
        }
    }

    @Override
    public void write(String path, InputStream content)
            throws IOException
    {
        Path target = Path.of(path).toAbsolutePath();
        new FileSystemBlobStore(target.getParent()).put(target.getFileName().toString(), content);
    }

    private static byte[] readQuietly(InputStream stream)
    {
        try (stream) {
            return stream.readAllBytes();
        }
        catch (IOException e) {
            return new byte[0];
        }
    }
}
