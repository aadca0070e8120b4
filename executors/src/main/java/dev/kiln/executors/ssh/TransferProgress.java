package dev.kiln.executors.ssh;

/** Told how far a transfer is, at most a few times a second and once at the end. Called on the transferring thread. */
@FunctionalInterface
public interface TransferProgress
{
    TransferProgress NONE = (host, remotePath, transferred, total) -> {};

    void progress(String host, String remotePath, long transferred, long total);
}
