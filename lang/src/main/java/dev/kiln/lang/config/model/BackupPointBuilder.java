package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Optional;

/** Builds a {@link BackupPoint} from a decoded {@code backup_point} instance: an fs or an s3 block. */
final class BackupPointBuilder
{
    private BackupPointBuilder() {}

    static BackupPoint build(DecodedInstance instance, References references, Diagnostics diagnostics)
    {
        DecodedBlock block = instance.block();
        Optional<BackupPoint.Store> store = block.block("fs")
                .<BackupPoint.Store>map(fs -> fileSystem(fs, references, diagnostics))
                .or(() -> block.block("s3").map(s3 -> s3(s3, diagnostics)));
        if (store.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing backup store",
                    "A backup point needs a place to keep backups: an fs { path = ... } block or an s3 { bucket = ... } block. Add one of them.",
                    new BlockReader(block, diagnostics).headerRange()));
        }
        return new BackupPoint(instance.address(), store, block.range());
    }

    private static BackupPoint.Store fileSystem(DecodedBlock block, References references, Diagnostics diagnostics)
    {
        Setting<String> path = new BlockReader(block, diagnostics).string("path", "");
        Optional<ResourceReference> node = references.single(block.attribute("node"), KilnSchemas.NODE, "node.backup");
        if (node.isPresent()) {
            path.known().filter(directory -> !directory.startsWith("/")).ifPresent(directory -> diagnostics.add(Diagnostic.error(
                    "Relative backup path on a node",
                    "path \"" + path.shown(directory) + "\" is relative, but a directory on a node is reached over SSH, where no working directory is "
                            + "agreed on. Give an absolute path, such as \"/var/backups/etcd\".",
                    path.range())));
        }
        return new BackupPoint.FileSystemStore(path, node, block.range());
    }

    private static BackupPoint.Store s3(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new BackupPoint.S3Store(
                reader.string("bucket", ""),
                reader.string("endpoint"),
                reader.string("region", KilnBlockSchema.DEFAULT_S3_REGION),
                reader.string("prefix", ""),
                reader.string("access_key"),
                reader.string("secret_key"),
                reader.bool("path_style", false),
                block.range());
    }
}
