package dev.kiln.executors.ssh;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a host's key is checked on connect. There is no "accept anything": a host that presents a
 * key other than the expected one is refused with both SHA256 fingerprints.
 */
public sealed interface HostKeyPolicy
{
    /** The keys listed for the host in an OpenSSH {@code known_hosts} file ({@code ~/.ssh/known_hosts} by default). */
    record KnownHosts(Path file)
            implements HostKeyPolicy
    {
        public KnownHosts
        {
            requireNonNull(file, "file is null");
        }

        public static KnownHosts userDefault()
        {
            return new KnownHosts(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        }
    }

    /** Exactly this public key, written as in {@code known_hosts} or {@code *.pub}: {@code "ssh-ed25519 AAAA..."}. */
    record Pinned(String publicKey)
            implements HostKeyPolicy
    {
        public Pinned
        {
            requireNonNull(publicKey, "publicKey is null");
        }
    }

    /**
     * Trust on first use, an explicit opt-in: with no {@code recordedKey} the first key the host
     * presents is accepted and reported by {@link SshSession#hostKey()} so the caller can record
     * it (in state); with one, it behaves as {@link Pinned} and refuses a changed key.
     */
    record TrustOnFirstUse(Optional<String> recordedKey)
            implements HostKeyPolicy
    {
        public TrustOnFirstUse
        {
            requireNonNull(recordedKey, "recordedKey is null");
        }
    }
}
