package dev.kiln.providers.kubeadm.remote;

import dev.kiln.executors.ssh.CommandResult;
import dev.kiln.executors.ssh.HostCommandException;
import dev.kiln.executors.ssh.RemoteCommand;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshSession;
import dev.kiln.executors.ssh.TransferProgress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** A node's shell over the run's SSH connection to it: every command as root (through sudo when configured). */
final class SshRemote
        implements Remote
{
    private final SshHosts hosts;
    private final SshSession session;
    private final String shown;

    SshRemote(SshHosts hosts, SshSession session, String shown)
    {
        this.hosts = hosts;
        this.session = session;
        this.shown = shown;
    }

    @Override
    public String host()
    {
        return shown;
    }

    @Override
    public Optional<String> hostKey()
    {
        return session.hostKey();
    }

    @Override
    public Result run(String step, String command)
    {
        return result(session.execute(step, RemoteCommand.of(command).withSudo().unchecked()));
    }

    @Override
    public Result run(String step, String command, String input)
    {
        return result(session.execute(step, RemoteCommand.of(command).withSudo().withStdin(input).unchecked()));
    }

    @Override
    public String read(String step, String remotePath)
    {
        try (InputStream input = session.read(step, remotePath)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (HostCommandException e) {
            throw new StepFailedException(shown, step, "cannot read " + remotePath + ": " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(shown + ": " + step + ": cannot read " + remotePath, e);
        }
    }

    @Override
    public void addSecret(String secret)
    {
        hosts.addSecret(secret);
    }

    @Override
    public void upload(String step, Path localFile, String remotePath, int mode)
    {
        String directory = remotePath.contains("/") ? remotePath.substring(0, remotePath.lastIndexOf('/')) : ".";
        output(step, "mkdir -p " + Shell.quote(directory));
        session.upload(step, localFile, remotePath, mode, TransferProgress.NONE);
    }

    private static Result result(CommandResult result)
    {
        return new Result(result.exitStatus(), result.stdout(), result.stderr());
    }
}
