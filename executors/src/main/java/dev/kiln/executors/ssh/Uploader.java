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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

import static dev.kiln.executors.ssh.SudoDialog.quote;

/**
 * One upload: compare SHA-256s (skip when equal), send the bytes over SFTP to a temporary name,
 * then {@code chmod} and {@code mv -f} it over the target, an atomic rename in the target's
 * directory. With sudo, the bytes go to a private temporary file first and a root command
 * copies them next to the target before the rename.
 */
final class Uploader
{
    private static final int UNCONFIRMED_WRITES = 64;
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final SshSession session;
    private final HostConnection connection;
    private final LocalDigests digests;
    private final String step;
    private final int mode;
    private final TransferProgress progress;

    Uploader(SshSession session, HostConnection connection, LocalDigests digests, String step, int mode, TransferProgress progress)
    {
        this.session = session;
        this.connection = connection;
        this.digests = digests;
        this.step = step;
        this.mode = mode;
        this.progress = progress;
    }

    UploadResult upload(Path localFile, String remotePath)
    {
        String sha256 = digests.sha256(localFile);
        long size = size(localFile);
        String directory = parent(remotePath);
        CommandResult probe = session.execute(step, RemoteCommand.of("mkdir -p -- " + quote(directory) + " && { sha256sum -- " + quote(remotePath)
                + " 2>/dev/null || true; }").withSudo());
        if (probe.stdout().startsWith(sha256 + " ")) {
            connection.log().line(step, "---", "upload " + localFile.getFileName() + " -> " + remotePath + ": unchanged (sha256 " + sha256 + ")");
            progress.progress(connection.config().name(), remotePath, size, size);
            return new UploadResult(connection.config().name(), remotePath, size, sha256, true);
        }
        String nonce = HexFormat.of().formatHex(nonce());
        String octal = Integer.toOctalString(mode);
        if (!connection.config().usesSudo()) {
            String temporary = directory + "/." + fileName(remotePath) + ".kiln-" + nonce;
            send(localFile, temporary, size, remotePath);
            session.execute(step, RemoteCommand.of("chmod " + octal + " -- " + quote(temporary) + " && mv -f -- " + quote(temporary) + " " + quote(remotePath)));
        }
        else {
            String staged = "/tmp/.kiln-upload-" + nonce;
            send(localFile, staged, size, remotePath);
            String temporary = directory + "/." + fileName(remotePath) + ".kiln-" + nonce;
            session.execute(step, RemoteCommand.of("cp -- " + quote(staged) + " " + quote(temporary) + " && chmod " + octal + " -- " + quote(temporary)
                    + " && mv -f -- " + quote(temporary) + " " + quote(remotePath) + "; status=$?; rm -f -- " + quote(staged) + "; exit $status").withSudo());
        }
        connection.log().line(step, "---", "uploaded " + localFile.getFileName() + " -> " + remotePath + " (" + size + " bytes, sha256 " + sha256 + ")");
        return new UploadResult(connection.config().name(), remotePath, size, sha256, false);
    }

    /**
     * Streams {@code content} (read to its end, not closed) to {@code remotePath} under a
     * temporary name in the same directory, renamed over it when complete: its size and
     * SHA-256 are computed while streaming; nothing is left at the path when the content fails.
     */
    UploadResult stream(InputStream content, String remotePath)
    {
        String directory = parent(remotePath);
        String nonce = HexFormat.of().formatHex(nonce());
        String octal = Integer.toOctalString(mode);
        boolean sudo = connection.config().usesSudo();
        String temporary = directory + "/." + fileName(remotePath) + ".kiln-" + nonce;
        String staged = sudo ? "/tmp/.kiln-upload-" + nonce : temporary;
        session.execute(step, RemoteCommand.of("mkdir -p -- " + quote(directory)).withSudo());
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(content, digest));
        send(() -> counted, "a stream", staged, -1, remotePath);
        String move = "chmod " + octal + " -- " + quote(temporary) + " && mv -f -- " + quote(temporary) + " " + quote(remotePath);
        session.execute(step, sudo
                ? RemoteCommand.of("cp -- " + quote(staged) + " " + quote(temporary) + " && " + move + "; status=$?; rm -f -- " + quote(staged) + "; exit $status").withSudo()
                : RemoteCommand.of(move));
        String sha256 = HexFormat.of().formatHex(digest.digest());
        connection.log().line(step, "---", "streamed -> " + remotePath + " (" + counted.count() + " bytes, sha256 " + sha256 + ")");
        return new UploadResult(connection.config().name(), remotePath, counted.count(), sha256, false);
    }

    private void send(Path localFile, String temporary, long size, String remotePath)
    {
        send(() -> Files.newInputStream(localFile), localFile.toString(), temporary, size, remotePath);
    }

    private interface Source
    {
        InputStream open()
                throws IOException;
    }

    private void send(Source source, String description, String temporary, long size, String remotePath)
    {
        try {
            SFTPClient sftp = connection.sftp(step);
            boolean complete = false;
            try (RemoteFile file = sftp.open(temporary, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
                    InputStream input = source.open()) {
                int chunk = sftp.getSFTPEngine().getSubsystem().getRemoteMaxPacketSize() - file.getOutgoingPacketOverhead();
                copy(input, file.new RemoteFileOutputStream(0, UNCONFIRMED_WRITES), Math.max(chunk, 4096), size, remotePath);
                complete = true;
            }
            finally {
                if (!complete) {
                    removeQuietly(sftp, temporary);
                }
            }
        }
        catch (IOException e) {
            connection.disconnectIfBroken();
            throw new HostCommandException(connection.config().name(), step, OptionalInt.empty(), List.of(), session.redactor().redact(
                    "Step \"" + step + "\" failed on " + connection.config().name() + ": uploading " + description + " to " + remotePath + " failed: " + e.getMessage()), e);
        }
    }

    private void copy(InputStream input, OutputStream output, int chunk, long size, String remotePath)
            throws IOException
    {
        byte[] buffer = new byte[chunk];
        long sent = 0;
        long lastReport = System.nanoTime();
        try (output) {
            for (int read = input.readNBytes(buffer, 0, chunk); read > 0; read = input.readNBytes(buffer, 0, chunk)) {
                checkCancelled(remotePath);
                output.write(buffer, 0, read);
                sent += read;
                if (System.nanoTime() - lastReport > PROGRESS_INTERVAL_NANOS) {
                    progress.progress(connection.config().name(), remotePath, sent, size);
                    lastReport = System.nanoTime();
                }
            }
        }
        progress.progress(connection.config().name(), remotePath, sent, size);
    }

    private static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Counts the bytes read through it; closing it leaves the content open (its caller closes that). */
    private static final class CountingStream
            extends FilterInputStream
    {
        private long count;

        CountingStream(InputStream input)
        {
            super(input);
        }

        long count()
        {
            return count;
        }

        @Override
        public int read()
                throws IOException
        {
            int read = super.read();
            if (read >= 0) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public void close()
        {
        }
    }

    private void checkCancelled(String remotePath)
    {
        boolean cancelled = session.cancellation() != null && session.cancellation().isCancelled();
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled: upload of " + remotePath + " to " + connection.config().name() + " in step \"" + step + "\" stopped");
        }
    }

    private static void removeQuietly(SFTPClient sftp, String path)
    {
        try {
            sftp.rm(path);
        }
        catch (IOException | RuntimeException ignored) {
            // a leftover temporary name is harmless: it is never the target's name
        }
    }

    static String parent(String remotePath)
    {
        int slash = remotePath.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : remotePath.substring(0, slash);
    }

    private static String fileName(String remotePath)
    {
        return remotePath.substring(remotePath.lastIndexOf('/') + 1);
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] nonce()
    {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
