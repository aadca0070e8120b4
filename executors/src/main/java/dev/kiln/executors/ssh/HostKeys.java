package dev.kiln.executors.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Host keys as OpenSSH writes them: {@code "ssh-ed25519 AAAA..."} and {@code SHA256:...} fingerprints. */
final class HostKeys
{
    private HostKeys() {}

    static byte[] blob(PublicKey key)
    {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** {@code "ssh-ed25519 AAAA..."}: the type and the base64 blob, as in known_hosts. */
    static String openSshForm(PublicKey key)
    {
        return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }

    static String fingerprint(PublicKey key)
    {
        return fingerprint(blob(key));
    }

    /** OpenSSH's fingerprint: {@code SHA256:} and the unpadded base64 of the blob's SHA-256. */
    static String fingerprint(byte[] blob)
    {
        MessageDigest digest = LocalDigests.newDigest();
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest.digest(blob));
    }

    /** The blob of a key written {@code "type base64 [comment]"}; fails with a message naming {@code owner} when it is not one. */
    static Pinned parse(String text, String owner)
    {
        String[] fields = text.strip().split("\\s+");
        if (fields.length < 2) {
            throw new IllegalArgumentException("the host_key of " + owner + " is not a public key written \"TYPE BASE64\" (such as \"ssh-ed25519 AAAA...\")");
        }
        try {
            byte[] blob = Base64.getDecoder().decode(fields[1]);
            PublicKey key = new Buffer.PlainBuffer(blob).readPublicKey();
            return new Pinned(fields[0], blob, KeyType.fromKey(key).toString());
        }
        catch (IllegalArgumentException | Buffer.BufferException e) {
            throw new IllegalArgumentException("the host_key of " + owner + " is not a valid " + fields[0] + " public key: " + e.getMessage(), e);
        }
    }

    record Pinned(String type, byte[] blob, String keyType)
    {
        String fingerprint()
        {
            return HostKeys.fingerprint(blob);
        }

        boolean matches(PublicKey key)
        {
            return Arrays.equals(blob, HostKeys.blob(key));
        }
    }

    /** The fingerprint of a key written {@code "type base64"}. */
    static String fingerprintOf(String openSshForm)
    {
        String[] fields = openSshForm.strip().split("\\s+");
        return fingerprint(Base64.getDecoder().decode(fields[1]));
    }
}
