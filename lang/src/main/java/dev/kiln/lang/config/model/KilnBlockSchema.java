package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.optional;

/** {@code kiln { required_version, parallelism, state "local" | "s3" {...}, encryption {...} }}. */
final class KilnBlockSchema
{
    static final int DEFAULT_PARALLELISM = 10;
    static final String DEFAULT_STATE_PATH = "kiln.state";
    static final String DEFAULT_S3_REGION = "us-east-1";
    static final int DEFAULT_S3_HISTORY = 20;
    static final String DEFAULT_ENCRYPTION_METHOD = "aes_gcm";

    /**
     * One schema for both backends: the label picks which arguments apply; the model
     * builder rejects arguments of the other backend and checks the required ones.
     */
    static final BlockSchema STATE = BlockSchema.builder("backend")
            .attribute(optional("path", Type.STRING,
                    "local: the state file, relative to the working directory; its backup copy is kept beside it. Defaults to \"" + DEFAULT_STATE_PATH + "\"."))
            .attribute(optional("bucket", Type.STRING, "s3: the bucket holding the state object. Required for the s3 backend."))
            .attribute(optional("key", Type.STRING, "s3: the state object's key, such as \"prod/kiln.state.json\". Required for the s3 backend."))
            .attribute(optional("region", Type.STRING, "s3: the bucket's region. Defaults to \"" + DEFAULT_S3_REGION + "\"."))
            .attribute(optional("endpoint", Type.STRING, "s3: the S3 API endpoint URL, for MinIO or another S3-compatible store (\"https://minio.example:9000\")."))
            .attribute(optional("path_style", Type.BOOL, "s3: address objects as endpoint/bucket/key instead of bucket.endpoint/key; MinIO needs true. Defaults to false."))
            .attribute(optional("access_key", Type.STRING, "s3: the access key ID. Without it the standard AWS credential chain is used.").asSensitive())
            .attribute(optional("secret_key", Type.STRING, "s3: the secret access key that goes with access_key.").asSensitive())
            .attribute(optional("sse", Type.STRING, "s3: server-side encryption of the state object: \"AES256\" or \"aws:kms\"."))
            .attribute(optional("kms_key_id", Type.STRING, "s3: the KMS key for sse = \"aws:kms\"."))
            .attribute(optional("history", Type.NUMBER,
                    "s3: how many past versions of the state are kept under <key>.history/, at least 1. Defaults to " + DEFAULT_S3_HISTORY + "."))
            .attribute(optional("lock", Type.BOOL,
                    "Whether runs take a lock on the state (a lock file, or a conditional-write lock object in S3). Defaults to true."))
            .build();

    /** {@code key_provider "pbkdf2" { passphrase }} or {@code key_provider "key_file" { path }}: where the encryption key comes from. */
    static final BlockSchema KEY_PROVIDER = BlockSchema.builder("type")
            .attribute(optional("passphrase", Type.STRING,
                    "pbkdf2: the passphrase the key is derived from (PBKDF2-HMAC-SHA512, 600,000 iterations, a random salt).").asSensitive())
            .attribute(optional("path", Type.STRING, "key_file: a file holding a 32-byte key, base64-encoded, relative to the configuration directory."))
            .build();

    private static final String METHOD_DESCRIPTION = "The cipher that encrypts state, journal and saved plans at rest. Only \"aes_gcm\" (AES-256-GCM) is supported.";
    private static final String PASSPHRASE_DESCRIPTION = "Shorthand for key_provider \"pbkdf2\" { passphrase }. Give one key source.";
    private static final String KEY_FILE_DESCRIPTION = "Shorthand for key_provider \"key_file\" { path }. Give one key source.";
    private static final String KEY_PROVIDER_DESCRIPTION = "Where the key comes from: key_provider \"pbkdf2\" { passphrase } or key_provider \"key_file\" { path }.";

    /** {@code fallback {...}}: the previous key, which still reads what it encrypted while every write uses the new one. */
    static final BlockSchema ENCRYPTION_FALLBACK = BlockSchema.builder()
            .attribute(optional("method", Type.STRING, Value.string(DEFAULT_ENCRYPTION_METHOD), METHOD_DESCRIPTION))
            .attribute(optional("passphrase", Type.STRING, PASSPHRASE_DESCRIPTION).asSensitive())
            .attribute(optional("key_file", Type.STRING, KEY_FILE_DESCRIPTION))
            .block("key_provider", NestedBlockSchema.single(KEY_PROVIDER, KEY_PROVIDER_DESCRIPTION))
            .build();

    static final BlockSchema ENCRYPTION = BlockSchema.builder()
            .attribute(optional("method", Type.STRING, Value.string(DEFAULT_ENCRYPTION_METHOD), METHOD_DESCRIPTION))
            .attribute(optional("passphrase", Type.STRING, PASSPHRASE_DESCRIPTION).asSensitive())
            .attribute(optional("key_file", Type.STRING, KEY_FILE_DESCRIPTION))
            .block("key_provider", NestedBlockSchema.single(KEY_PROVIDER, KEY_PROVIDER_DESCRIPTION))
            .block("fallback", NestedBlockSchema.single(ENCRYPTION_FALLBACK,
                    "The previous key while rotating: it still decrypts what it encrypted; every write uses the new key. Remove it once Kiln has written everything again."))
            .build();

    static final BlockSchema KILN = BlockSchema.builder()
            .attribute(optional("required_version", Type.STRING,
                    "A version constraint Kiln itself must satisfy, such as \">= 0.1.0\"; other versions refuse to run the configuration."))
            .attribute(optional("parallelism", Type.NUMBER, Value.number(DEFAULT_PARALLELISM),
                    "How many actions an apply runs at once. At least 1."))
            .block("state", NestedBlockSchema.single(STATE,
                    "Where the state is kept: state \"local\" { path } or state \"s3\" { bucket, key, ... }. Defaults to a local file."))
            .block("encryption", NestedBlockSchema.single(ENCRYPTION, "Encrypts the state, its backups and history, the journal and saved plans at rest."))
            .build();

    private KilnBlockSchema() {}
}
