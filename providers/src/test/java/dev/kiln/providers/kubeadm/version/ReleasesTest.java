package dev.kiln.providers.kubeadm.version;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleasesTest
{
    @ParameterizedTest(name = "{0} pulls from {1}")
    @CsvSource({
            "v1.21.14, k8s.gcr.io",
            "v1.22.16, k8s.gcr.io",
            "v1.22.17, registry.k8s.io",
            "v1.23.14, k8s.gcr.io",
            "v1.23.15, registry.k8s.io",
            "v1.24.8, k8s.gcr.io",
            "v1.24.9, registry.k8s.io",
            "v1.25.0, registry.k8s.io",
            "v1.29.1, registry.k8s.io",
    })
    @DisplayName("Releases older than v1.22.17, v1.23.15 or v1.24.9 pull from the old k8s.gcr.io registry; the rest from registry.k8s.io")
    void registries(String version, String registry)
    {
        assertEquals(registry, Releases.upstreamRegistry(version));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "v1.28.8 | v1.29.1 | v1.29.1",
            "v1.27.16 | v1.29.1 | v1.28.15 v1.29.1",
            "v1.27.3 | v1.30.2 | v1.28.15 v1.29.3 v1.30.2",
            "v1.28.8 | v1.28.15 | v1.28.15",
            "v1.29.1 | v1.28.8 | ''",
            "v1.29.1 | v1.29.1 | ''",
    })
    @DisplayName("An upgrade is a chain of one minor at a time, each intermediate minor at the newest patch on offer")
    void chains(String from, String to, String expected)
    {
        List<String> offered = List.of("v1.27.16", "v1.28.8", "v1.28.15", "v1.29.1", "v1.29.3", "v1.30.2", "v1.30.0-rc.1");
        assertEquals(expected.isBlank() ? List.of() : Arrays.asList(expected.split(" ")), Releases.chain(from, to, offered));
    }

    @ParameterizedTest(name = "{0} → {1} by [{2}]: {3}")
    @CsvSource(delimiter = '|', value = {
            "v1.27.16 | v1.29.1 | v1.28.8 v1.29.1           | v1.28.8 v1.29.1",
            "v1.28.8  | v1.29.1 | v1.28.8 v1.29.1           | v1.29.1",
            "v1.28.10 | v1.29.3 | v1.28.8 v1.29.1 v1.29.3   | v1.29.1 v1.29.3",
            "v1.27.3  | v1.29.1 | v1.27.16 v1.28.15 v1.29.1 | v1.27.16 v1.28.15 v1.29.1",
            "v1.29.1  | v1.29.1 | v1.28.8 v1.29.1           | ''",
    })
    @DisplayName("An explicit upgrade_path is followed from the running release: its steps above it, in order")
    void explicitChains(String from, String to, String path, String expected)
    {
        List<String> offered = List.of("v1.27.16", "v1.28.8", "v1.28.15", "v1.29.1", "v1.29.3");
        assertEquals(expected.isBlank() ? List.of() : Arrays.asList(expected.split(" ")), Releases.chain(from, to, offered, Arrays.asList(path.split(" "))));
    }

    @Test
    @DisplayName("An explicit upgrade_path that skips a minor from the running release, or passes through a release the bundle lacks, is refused with the reason")
    void explicitChainsRefused()
    {
        IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
                () -> Releases.chain("v1.26.15", "v1.29.1", List.of(), List.of("v1.28.8", "v1.29.1")));
        assertEquals("upgrade_path v1.28.8 → v1.29.1 cannot take the cluster from v1.26.15: going from v1.26.15 to v1.28.8 skips v1.27; add a v1.27 release to upgrade_path",
                skipped.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> Releases.chain("v1.27.16", "v1.29.1", List.of("v1.27.16", "v1.28.15", "v1.29.1"), List.of("v1.28.8", "v1.29.1")));
        assertTrue(absent.getMessage().startsWith("upgrade_path passes through v1.28.8, which the offline bundle does not hold"), absent.getMessage());
    }

    @Test
    @DisplayName("Without a bundle the newest patches Kiln knows are used; a minor missing from the bundle is an error naming it")
    void offeredReleases()
    {
        assertEquals(List.of("v1.28.15", "v1.29.1"), Releases.chain("v1.27.16", "v1.29.1", List.of()));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Releases.chain("v1.27.16", "v1.29.1", List.of("v1.27.16", "v1.29.1")));
        assertEquals("no v1.28 release is on offer, and an upgrade must pass through v1.28", missing.getMessage());
        assertTrue(Releases.isDowngrade("v1.29.1", "v1.28.8"));
        assertEquals("3.9", Releases.pauseTag("v1.28.8"));
        assertEquals("3.10", Releases.pauseTag("v1.31.2"));
    }

    @Test
    @DisplayName("A bundle lists its releases from a directory or from a tarball, which is unpacked once under .kiln/bundles")
    void bundles(@TempDir Path directory)
            throws IOException
    {
        Path folder = Files.createDirectories(directory.resolve("bundle/kubernetes/v1.28.8"));
        Files.createDirectories(directory.resolve("bundle/kubernetes/v1.29.1"));
        Files.writeString(folder.resolve("kubeadm"), "#!/bin/sh\n");
        assertEquals(List.of("v1.28.8", "v1.29.1"), Bundle.open("bundle", directory).releases());
        Path tarball = directory.resolve("bundle.tar.gz");
        try (OutputStream output = new GZIPOutputStream(Files.newOutputStream(tarball))) {
            output.write(entry("kubernetes/v1.30.2/kubeadm", "#!/bin/sh\necho v1.30.2\n"));
            output.write(new byte[1024]);
        }
        Bundle unpacked = Bundle.open("bundle.tar.gz", directory);
        assertEquals(List.of("v1.30.2"), unpacked.releases());
        assertTrue(unpacked.root().startsWith(directory.resolve(".kiln/bundles")));
        assertEquals("#!/bin/sh\necho v1.30.2\n", Files.readString(unpacked.file("kubernetes/v1.30.2/kubeadm").orElseThrow()));
        assertEquals(unpacked.root(), Bundle.open("bundle.tar.gz", directory).root());
    }

    /** One ustar file entry with its content, padded to 512-byte blocks. */
    private static byte[] entry(String name, String content)
    {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000755");
        put(header, 124, String.format("%011o", content.length()));
        header[156] = '0';
        put(header, 257, "ustar");
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte value : header) {
            sum += value & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header);
        byte[] body = content.getBytes(StandardCharsets.US_ASCII);
        bytes.writeBytes(body);
        bytes.writeBytes(new byte[(512 - body.length % 512) % 512]);
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String text)
    {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
