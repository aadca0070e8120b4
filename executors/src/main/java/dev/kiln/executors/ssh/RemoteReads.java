package dev.kiln.executors.ssh;

import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

import static dev.kiln.executors.ssh.SudoDialog.quote;

/**
 * Reads remote files over SFTP with read-ahead. With sudo, a root command first copies the file
 * to a temporary file only the login user can read, which is removed when the stream closes.
 */
final class RemoteReads
{
    private static final int READ_AHEAD = 32;

    private final SshSession session;
    private final HostConnection connection;
    private final String step;

    RemoteReads(SshSession session, HostConnection connection, String step)
    {
        this.session = session;
        this.connection = connection;
        this.step = step;
    }

    InputStream open(String remotePath)
    {
        String readable = remotePath;
        String staged = null;
        if (connection.config().usesSudo()) {
            staged = "/tmp/.kiln-read-" + HexFormat.of().formatHex(nonce());
            session.execute(step, RemoteCommand.of("install -m 600 -o " + quote(connection.config().user()) + " -- " + quote(remotePath) + " " + quote(staged)).withSudo());
            readable = staged;
        }
        try {
            SFTPClient sftp = connection.sftp(step);
            RemoteFile file = sftp.open(readable, EnumSet.of(OpenMode.READ));
            return new RemoteStream(file.new ReadAheadRemoteFileInputStream(READ_AHEAD), file, sftp, staged);
        }
        catch (IOException e) {
            connection.disconnectIfBroken();
            throw new HostCommandException(connection.config().name(), step, OptionalInt.empty(), List.of(), session.redactor().redact(
                    "Step \"" + step + "\" failed on " + connection.config().name() + ": cannot read " + remotePath + ": " + e.getMessage()), e);
        }
    }

    void download(String remotePath, Path localFile)
    {
        Path absolute = localFile.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".kiln-" + HexFormat.of().formatHex(nonce()));
        try {
            Files.createDirectories(absolute.getParent());
            try (InputStream input = open(remotePath); OutputStream output = Files.newOutputStream(temporary)) {
                input.transferTo(output);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot download " + remotePath + " from " + connection.config().name() + " to " + localFile + " in step \"" + step + "\"", e);
        }
        finally {
            try {
                Files.deleteIfExists(temporary);
            }
            catch (IOException ignored) {
                // moved into place, or never written
            }
        }
    }

    private static byte[] nonce()
    {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** The remote file's bytes; closing it closes the remote handle and removes a staged copy. */
    private static final class RemoteStream
            extends FilterInputStream
    {
        private final RemoteFile file;
        private final SFTPClient sftp;
        private final String staged;
        private boolean closed;

        RemoteStream(InputStream input, RemoteFile file, SFTPClient sftp, String staged)
        {
            super(input);
            this.file = file;
            this.sftp = sftp;
            this.staged = staged;
        }

        @Override
        public void close()
                throws IOException
        {
            if (closed) {
                return;
            }
            closed = true;
            try {
                file.close();
            }
            finally {
                if (staged != null) {
                    sftp.rm(staged);
                }
            }
        }
    }
}
