package dev.kiln.providers.kubeadm.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An image archive of the offline bundle ({@code images/*.tar}, as {@code docker save} or
 * {@code ctr images export} write them) and the image references it holds: the
 * {@code RepoTags} of its {@code manifest.json}, else the {@code io.containerd.image.name} /
 * {@code org.opencontainers.image.ref.name} annotations of its {@code index.json}. References
 * are in the form {@code ctr images ls -q} prints them ({@code docker.io/library/} added to
 * short names).
 */
public record ImageArchive(Path file, List<String> references)
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLOCK = 512;

    public ImageArchive
    {
        requireNonNull(file, "file is null");
        references = List.copyOf(references);
    }

    /** The archive at {@code file}; an archive that names no image is refused, since nothing could show it was imported. */
    public static ImageArchive read(Path file)
    {
        requireNonNull(file, "file is null");
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file))) {
            List<String> references = references(input);
            if (references.isEmpty()) {
                throw new IllegalArgumentException("the image archive " + file + " names no image (no RepoTags in manifest.json, no image name in index.json)");
            }
            return new ImageArchive(file, references);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the image archive " + file, e);
        }
    }

    /** {@code pause:3.9} → {@code docker.io/library/pause:3.9}; names with a registry stay as they are. */
    static String normalized(String reference)
    {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return "docker.io/library/" + reference;
        }
        String first = reference.substring(0, slash);
        boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
        return registry ? reference : "docker.io/" + reference;
    }

    private static List<String> references(InputStream input)
            throws IOException
    {
        List<String> fromManifest = new ArrayList<>();
        List<String> fromIndex = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        while (input.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
            String name = text(header, 0, 100).replaceFirst("^\\./", "");
            String size = text(header, 124, 12).trim();
            long length = size.isEmpty() ? 0 : Long.parseLong(size, 8);
            if (name.equals("manifest.json") || name.equals("index.json")) {
                JsonNode json = JSON.readTree(input.readNBytes((int) length));
                input.skipNBytes((BLOCK - length % BLOCK) % BLOCK);
                if (name.equals("manifest.json")) {
                    json.forEach(image -> image.path("RepoTags").forEach(tag -> fromManifest.add(normalized(tag.asText()))));
                }
                else {
                    json.path("manifests").forEach(manifest -> {
                        JsonNode annotations = manifest.path("annotations");
                        String reference = annotations.path("io.containerd.image.name").asText(annotations.path("org.opencontainers.image.ref.name").asText(""));
                        if (reference.contains(":") || reference.contains("@")) {
                            fromIndex.add(normalized(reference));
                        }
                    });
                }
                continue;
            }
            input.skipNBytes((length + BLOCK - 1) / BLOCK * BLOCK);
        }
        return fromManifest.isEmpty() ? fromIndex : fromManifest;
    }

    private static String text(byte[] header, int offset, int length)
    {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
