package dev.kiln.providers.backup;

import dev.kiln.executors.ssh.CommandResult;
import dev.kiln.executors.ssh.HostException;
import dev.kiln.executors.ssh.RemoteCommand;
import dev.kiln.executors.ssh.SshSession;
import dev.kiln.executors.ssh.UploadResult;
import dev.kiln.state.blob.BlobInfo;
import dev.kiln.state.blob.BlobKeys;
import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.NoSuchBlobException;
import dev.kiln.state.blob.StoredBlob;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A backup point's directory on a node, over SSH: blobs are files under {@code root}, each
 * streamed to a temporary name beside it and renamed into place (its size and SHA-256
 * computed while streaming, no copy on the machine running Kiln), listed with {@code find},
 * read back as a stream and deleted with {@code rm}.
 */
public final class SshBlobStore
        implements BlobStore
{
    private static final String STEP = "backup point";
    private static final int MODE = 0600;

    private final SshSession session;
    private final String root;
    private final Runnable onClose;

    public SshBlobStore(SshSession session, String root)
    {
        this(session, root, () -> {});
    }

    /** {@code onClose}: what closing the store also does (closing the connections it was opened with). */
    SshBlobStore(SshSession session, String root, Runnable onClose)
    {
        this.session = requireNonNull(session, "session is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        requireNonNull(root, "root is null");
        if (!root.startsWith("/")) {
            throw new IllegalArgumentException("the directory of a backup point on a node is an absolute path: " + root);
        }
        this.root = root.length() > 1 ? root.replaceAll("/+$", "") : root;
    }

    @Override
    public StoredBlob put(String key, InputStream content)
            throws IOException
    {
        BlobKeys.check(key);
        requireNonNull(content, "content is null");
        try {
            UploadResult written = session.write(STEP, content, path(key), MODE);
            return new StoredBlob(key, written.bytes(), written.sha256());
        }
        catch (HostException e) {
            throw new IOException(location() + ": storing " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream get(String key)
            throws IOException
    {
        if (!exists(key)) {
            throw new NoSuchBlobException(location(), key);
        }
        try {
            return session.read(STEP, path(key));
        }
        catch (HostException e) {
            throw new IOException(location() + ": reading " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix)
            throws IOException
    {
        BlobKeys.checkPrefix(prefix);
        CommandResult found = run("cd " + ShellWords.quote(root) + " 2>/dev/null || exit 0; find . -type f ! -name '.*.kiln-*' -printf '%P\\t%s\\n'");
        List<BlobInfo> blobs = new ArrayList<>();
        for (String line : found.stdout().split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0 && line.startsWith(prefix)) {
                blobs.add(new BlobInfo(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).strip())));
            }
        }
        blobs.sort(Comparator.comparing(BlobInfo::key));
        return List.copyOf(blobs);
    }

    @Override
    public boolean delete(String key)
            throws IOException
    {
        BlobKeys.check(key);
        String path = ShellWords.quote(path(key));
        return run("if [ -f " + path + " ]; then rm -f -- " + path + " && echo deleted; fi").stdout().strip().equals("deleted");
    }

    @Override
    public boolean exists(String key)
            throws IOException
    {
        BlobKeys.check(key);
        return run("[ -f " + ShellWords.quote(path(key)) + " ] && echo present || true").stdout().strip().equals("present");
    }

    @Override
    public String location()
    {
        return "ssh://" + session.host() + root + (root.endsWith("/") ? "" : "/");
    }

    @Override
    public void close()
    {
        onClose.run();
    }

    /** {@code command} as {@code session}'s host runs it: with sudo when the host's settings say so. */
    static RemoteCommand command(SshSession session, String command)
    {
        return session.config().usesSudo() ? RemoteCommand.of(command).withSudo() : RemoteCommand.of(command);
    }

    private String path(String key)
    {
        return root + "/" + key;
    }

    private CommandResult run(String command)
            throws IOException
    {
        try {
            return session.execute(STEP, command(session, command));
        }
        catch (HostException e) {
            throw new IOException(location() + ": " + e.getMessage(), e);
        }
    }
}
