package dev.kiln.providers.kubeadm.version;

import dev.kiln.lang.config.model.KubernetesVersions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * An offline bundle on this machine: a directory, or a {@code .tar.gz} of one (unpacked once
 * into {@code .kiln/bundles/<digest>/}). Its layout:
 * <pre>
 * kubernetes/v1.28.8/{kubeadm,kubelet,kubectl}   one directory per Kubernetes release on offer
 * crictl/crictl                                   optional
 * cni/*                                           optional CNI plugins, to /opt/cni/bin
 * containerd/{containerd,containerd-shim-runc-v2,ctr,runc}   optional, else the distribution's package
 * calico/tigera-operator.yaml                     optional, else the release's URL
 * images/*.tar                                    optional, imported into the runtime
 * </pre>
 */
public final class Bundle
{
    private static final int BLOCK = 512;

    private final Path root;

    private Bundle(Path root)
    {
        this.root = root;
    }

    /** The bundle at {@code location} (relative to {@code workingDirectory}); a tarball is unpacked under {@code workingDirectory/.kiln/bundles}. */
    public static Bundle open(String location, Path workingDirectory)
    {
        requireNonNull(location, "location is null");
        Path path = workingDirectory.resolve(location).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return new Bundle(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("the offline bundle " + location + " is neither a directory nor a file");
        }
        return new Bundle(unpack(path, workingDirectory.resolve(".kiln").resolve("bundles")));
    }

    public Path root()
    {
        return root;
    }

    /** The Kubernetes releases the bundle holds, from its {@code kubernetes/} directories, oldest first. */
    public List<String> releases()
    {
        Path kubernetes = root.resolve("kubernetes");
        if (!Files.isDirectory(kubernetes)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(kubernetes)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> KubernetesVersions.parse(name).isPresent())
                    .sorted(Comparator.comparing(name -> KubernetesVersions.parse(name).orElseThrow()))
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundle's releases in " + kubernetes, e);
        }
    }

    /** A file of the bundle, when it is there. */
    public Optional<Path> file(String relative)
    {
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The regular files directly in a directory of the bundle, by name. */
    public List<Path> files(String directory)
    {
        Path folder = root.resolve(directory).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The image archives of {@code images/}, with the images each names. */
    public List<ImageArchive> images()
    {
        return files("images").stream().filter(file -> file.getFileName().toString().endsWith(".tar")).map(ImageArchive::read).toList();
    }

    private static Path unpack(Path tarball, Path cache)
    {
        try {
            Path target = cache.resolve(digest(tarball).substring(0, 16));
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            Path partial = Files.createDirectories(cache).resolve(target.getFileName() + ".partial");
            deleteTree(partial);
            Files.createDirectories(partial);
            try (InputStream input = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
                extract(input, partial);
            }
            Files.writeString(partial.resolve(".complete"), tarball.toString());
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the offline bundle " + tarball, e);
        }
    }

    /** Regular files and directories of a POSIX (ustar) archive; anything escaping the target is refused. */
    private static void extract(InputStream input, Path target)
            throws IOException
    {
        byte[] header = new byte[BLOCK];
        while (input.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
            int mode = Integer.parseInt(text(header, 100, 8).trim().isEmpty() ? "644" : text(header, 100, 8).trim(), 8);
            char type = (char) header[156];
            Path destination = target.resolve(path).normalize();
            if (!destination.startsWith(target)) {
                throw new IOException("the archive entry " + path + " points outside the bundle");
            }
            if (type == '5') {
                Files.createDirectories(destination);
            }
            else if (type == '0' || type == 0) {
                Files.createDirectories(destination.getParent());
                Files.write(destination, input.readNBytes((int) size));
                destination.toFile().setExecutable((mode & 0111) != 0, false);
                input.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                continue;
            }
            input.skipNBytes((size + BLOCK - 1) / BLOCK * BLOCK);
        }
    }

    private static String text(byte[] header, int offset, int length)
    {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static String digest(Path file)
            throws IOException
    {
        try (InputStream input = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = input.read(buffer); read > 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void deleteTree(Path path)
            throws IOException
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : entries.sorted((left, right) -> right.compareTo(left)).toList()) {
                Files.delete(entry);
            }
        }
    }
}
