package dev.kiln.providers.kubeadm.remote;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A shell on one node, as root (through sudo when the node's SSH settings say so). Every call
 * names the step it belongs to, for the host's log. Content given to {@link #write} travels on
 * standard input, never on a command line, so secrets in it appear in no process list or log.
 */
public interface Remote
{
    /** The node as messages name it: {@code cp-0 (127.0.0.2)}. */
    String host();

    /** The key the host presented ({@code "ssh-ed25519 AAAA..."}), once connected: recorded under trust on first use. */
    Optional<String> hostKey();

    /** Runs {@code command} with {@code sh -c}; a non-zero exit is returned, not thrown. */
    Result run(String step, String command);

    /** Runs {@code command} with {@code input} on its standard input. */
    Result run(String step, String command, String input);

    /** Reads a remote file without logging its content (an admin kubeconfig, a key). */
    String read(String step, String remotePath);

    /** Masks {@code secret} (a join token, a certificate key) in every later log line and error of this run. */
    void addSecret(String secret);

    /** Copies a local file to {@code remotePath} (temporary name, then rename), skipped when the remote copy has the same SHA-256. */
    void upload(String step, Path localFile, String remotePath, int mode);

    /** Writes {@code content} to {@code remotePath} atomically (temporary file, then rename), creating its directory. */
    default void write(String step, String content, String remotePath, int mode)
    {
        String directory = remotePath.contains("/") ? remotePath.substring(0, remotePath.lastIndexOf('/')) : ".";
        String temporary = remotePath + ".kiln-tmp";
        require(step, run(step, "mkdir -p " + Shell.quote(directory) + " && umask 077 && cat > " + Shell.quote(temporary)
                + " && chmod " + Integer.toOctalString(mode) + " " + Shell.quote(temporary)
                + " && mv -f " + Shell.quote(temporary) + " " + Shell.quote(remotePath), content), "write " + remotePath);
    }

    /** Runs {@code command} and returns its standard output; a non-zero exit is a {@link StepFailedException} naming the host and step. */
    default String output(String step, String command)
    {
        return require(step, run(step, command), command).output();
    }

    /** {@code result} when it succeeded, else a {@link StepFailedException} with its last lines. */
    default Result require(String step, Result result, String what)
    {
        if (result.exitCode() != 0) {
            throw StepFailedException.command(host(), step, what, result);
        }
        return result;
    }
}
