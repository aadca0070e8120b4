/**
 * Encryption at rest of what Kiln writes about the world: state files (and their backup and
 * history copies), write-ahead journal records and saved plans. {@link
 * dev.kiln.state.encryption.StateEncryption} seals bytes into a small self-describing JSON
 * envelope (AES-256-GCM, a key from a {@link dev.kiln.state.encryption.KeyProvider}) and opens
 * them again, with a fallback key for rotation and plaintext accepted for migration;
 * {@link dev.kiln.state.encryption.SealedStateCodec} is the byte-level state codec every
 * backend stores through.
 */
package dev.kiln.state.encryption;
