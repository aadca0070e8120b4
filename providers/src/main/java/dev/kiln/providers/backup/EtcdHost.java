package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.InputStream;

/**
 * A machine that runs an etcd member, as restore and snapshot steps use it: shell commands
 * and streamed file transfers. Over SSH for kubeadm nodes (the SSH transport); the
 * machine running Kiln itself for etcd it runs locally ({@link LocalEtcdHost}).
 */
public interface EtcdHost
{
    /** The host's address, for progress and errors. */
    String name();

    /** Runs {@code command} through the host's POSIX shell and waits for it. */
    CommandResult run(String command)
            throws IOException;

    /** Streams the file at {@code path} to {@code reader}. */
    <T> T read(String path, StreamReader<T> reader)
            throws IOException;

    /** Writes {@code content} to {@code path}, private to its owner (0600), replacing any file there. */
    void write(String path, InputStream content)
            throws IOException;

    /** Runs {@code command} and fails with the host, the step and the command's error output unless it exits 0. */
    default String require(String step, String command)
            throws IOException
    {
        CommandResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IOException(name() + ": could not " + step + " (exit " + result.exitCode() + "): " + result.error().strip());
        }
        return result.output();
    }
}
