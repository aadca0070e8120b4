package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/** {@code backup_point "name" { fs { path, node } | s3 {...} }}: where etcd backups are stored. */
final class BackupPointSchema
{
    static final String GROUP = "store";

    static final BlockSchema FS = BlockSchema.builder()
            .attribute(required("path", Type.STRING, "The directory backups are written to, on the machine running Kiln or on node."))
            .attribute(optional("node", Type.DYNAMIC,
                    "A node whose directory holds the backups, reached over SSH, as a reference: node.backup. path is then absolute."))
            .build();

    static final BlockSchema S3 = BlockSchema.builder()
            .attribute(required("bucket", Type.STRING, "The bucket backups are written to."))
            .attribute(optional("endpoint", Type.STRING, "The S3 API endpoint URL, for MinIO or another S3-compatible store."))
            .attribute(optional("region", Type.STRING, Value.string(KilnBlockSchema.DEFAULT_S3_REGION), "The bucket's region."))
            .attribute(optional("prefix", Type.STRING, Value.string(""), "A key prefix under which backups are written, such as \"etcd/\"."))
            .attribute(optional("access_key", Type.STRING, "The access key ID. Without it the standard AWS credential chain is used.").asSensitive())
            .attribute(optional("secret_key", Type.STRING, "The secret access key that goes with access_key.").asSensitive())
            .attribute(optional("path_style", Type.BOOL, Value.bool(false),
                    "Address objects as endpoint/bucket/key instead of bucket.endpoint/key; MinIO needs true."))
            .build();

    static final BlockSchema BACKUP_POINT = BlockSchema.builder("name")
            .attribute(computed("location", Type.STRING, "Where backups land, as a URL: file:///backups/etcd or s3://bucket/prefix."))
            .block("fs", NestedBlockSchema.single(FS, "Backups go to a directory. Give fs or s3.").inGroup(GROUP))
            .block("s3", NestedBlockSchema.single(S3, "Backups go to an S3 or S3-compatible bucket. Give fs or s3.").inGroup(GROUP))
            .build();

    private BackupPointSchema() {}
}
