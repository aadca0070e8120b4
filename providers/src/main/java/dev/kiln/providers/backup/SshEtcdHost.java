package dev.kiln.providers.backup;

import dev.kiln.executors.ssh.HostException;
import dev.kiln.executors.ssh.RemoteCommand;
import dev.kiln.executors.ssh.SshSession;
import dev.kiln.executors.ssh.TransferProgress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import static java.util.Objects.requireNonNull;

/**
 * A control-plane node reached over SSH: commands as root (through sudo when the node's
 * login user is not root), files streamed back over SFTP. A file sent to the node (a
 * snapshot to restore) is staged in a private local temporary file first, because the
 * transport uploads files; the stage is removed as soon as the upload ends.
 */
public final class SshEtcdHost
        implements EtcdHost
{
    private final SshSession session;

    public SshEtcdHost(SshSession session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public String name()
    {
        return session.host();
    }

    @Override
    public CommandResult run(String command)
            throws IOException
    {
        try {
            dev.kiln.executors.ssh.CommandResult result = session.execute("etcd backup", RemoteCommand.of(command).withSudo().unchecked());
            return new CommandResult(result.exitStatus(), result.stdout(), result.stderr());
        }
        catch (HostException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(String path, StreamReader<T> reader)
            throws IOException
    {
        try (InputStream content = session.read("stream " + path, path)) {
            return reader.read(content);
        }
        catch (HostException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void write(String path, InputStream content)
            throws IOException
    {
        Path staged = Files.createTempFile("kiln-restore-", ".db", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
            session.upload("copy the snapshot", staged, path, 0600, TransferProgress.NONE);
        }
        catch (HostException e) {
            throw new IOException(e.getMessage(), e);
        }
        finally {
            Files.deleteIfExists(staged);
        }
    }
}
