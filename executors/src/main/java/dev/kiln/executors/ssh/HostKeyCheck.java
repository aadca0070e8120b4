package dev.kiln.executors.ssh;

import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies one connection's host key under a {@link HostKeyPolicy} and remembers what it saw, so
 * a refusal becomes a {@link HostKeyVerificationException} naming both fingerprints (sshj itself
 * only says it could not verify the key).
 */
final class HostKeyCheck
        implements HostKeyVerifier
{
    private final SshHostConfig host;
    private final Optional<HostKeys.Pinned> pinned;
    private final Optional<KnownHostsFile> knownHosts;
    private volatile PublicKey presented;
    private volatile Optional<String> expectedFingerprint = Optional.empty();
    private volatile String refusal;

    HostKeyCheck(SshHostConfig host)
    {
        this.host = host;
        this.pinned = switch (host.hostKeys()) {
            case HostKeyPolicy.Pinned pin -> Optional.of(HostKeys.parse(pin.publicKey(), host.name()));
            case HostKeyPolicy.TrustOnFirstUse tofu -> tofu.recordedKey().map(key -> HostKeys.parse(key, host.name()));
            case HostKeyPolicy.KnownHosts ignored -> Optional.empty();
        };
        this.knownHosts = host.hostKeys() instanceof HostKeyPolicy.KnownHosts file ? Optional.of(KnownHostsFile.load(file)) : Optional.empty();
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key)
    {
        presented = key;
        if (pinned.isPresent()) {
            expectedFingerprint = Optional.of(pinned.get().fingerprint());
            if (pinned.get().matches(key)) {
                return true;
            }
            refusal = "presented a host key other than the one " + (host.hostKeys() instanceof HostKeyPolicy.Pinned ? "pinned in its host_key" : "recorded when it was first trusted");
            return false;
        }
        if (knownHosts.isPresent()) {
            return knownHosts.get().verify(hostname, port, key);
        }
        return true;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port)
    {
        if (pinned.isPresent()) {
            return List.of(pinned.get().keyType());
        }
        return knownHosts.map(file -> file.findExistingAlgorithms(hostname, port)).orElse(List.of());
    }

    Optional<PublicKey> presented()
    {
        return Optional.ofNullable(presented);
    }

    /** The exception for a refused key, when this check refused one. */
    Optional<HostKeyVerificationException> refusal(String step)
    {
        if (presented == null || (refusal == null && knownHosts.map(file -> file.refusal == null).orElse(true))) {
            return Optional.empty();
        }
        String why = refusal != null ? refusal : knownHosts.get().refusal;
        Optional<String> expected = refusal != null ? expectedFingerprint : knownHosts.get().expectedFingerprint;
        String presentedFingerprint = HostKeys.fingerprint(presented);
        String message = "Host key verification failed for " + host.name() + " (" + host.address() + ":" + host.port() + ") in step \"" + step + "\": the host "
                + why + ". Expected " + expected.orElse("(no known key)") + ", presented " + presentedFingerprint + ". "
                + "If the host was reinstalled, update its key; otherwise someone may be intercepting the connection.";
        return Optional.of(new HostKeyVerificationException(host.name(), step, expected, presentedFingerprint, message));
    }

    /** An OpenSSH known_hosts file, read once per connect; a missing file vouches for nobody. */
    private static final class KnownHostsFile
            extends OpenSSHKnownHosts
    {
        private final String path;
        private volatile String refusal;
        private volatile Optional<String> expectedFingerprint = Optional.empty();

        private KnownHostsFile(String text, String path)
                throws IOException
        {
            super(new StringReader(text));
            this.path = path;
        }

        static KnownHostsFile load(HostKeyPolicy.KnownHosts policy)
        {
            File file = policy.file().toFile();
            try {
                String text = file.isFile() ? Files.readString(policy.file()) : "";
                return new KnownHostsFile(text, policy.file().toString());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the known_hosts file " + policy.file(), e);
            }
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key)
        {
            refusal = "is not listed in " + path;
            return false;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key)
        {
            refusal = "presented a host key other than the one listed in " + path;
            expectedFingerprint = entries().stream()
                    .filter(entry -> applies(entry, hostname))
                    .map(KnownHostEntry::getLine)
                    .flatMap(line -> fingerprintOfLine(line).stream())
                    .findFirst();
            return false;
        }

        private static boolean applies(KnownHostEntry entry, String hostname)
        {
            try {
                return entry.appliesTo(hostname);
            }
            catch (IOException e) {
                return false;
            }
        }

        /** The SHA256 fingerprint of the key on a known_hosts line ({@code [@marker] hosts type base64 [comment]}). */
        private static Optional<String> fingerprintOfLine(String line)
        {
            String[] fields = line.strip().split("\\s+");
            int keyField = fields.length > 0 && fields[0].startsWith("@") ? 3 : 2;
            if (fields.length <= keyField) {
                return Optional.empty();
            }
            try {
                return Optional.of(HostKeys.fingerprint(Base64.getDecoder().decode(fields[keyField])));
            }
            catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
