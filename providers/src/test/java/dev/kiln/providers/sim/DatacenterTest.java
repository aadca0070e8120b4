package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated datacenter outlives its process and keeps one small file per object (linear cost at scale: {@link ScaleTest}). */
class DatacenterTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Objects written by one process are read back by the next")
    void persistsAcrossProcesses()
            throws IOException
    {
        Datacenter first = Datacenter.open(directory);
        first.put(new Machine("node.w[0]", "m0", "10.0.0.1", "w-0", Status.READY, JsonNodeFactory.instance.objectNode().put("address", "10.0.0.1")));
        first.put(new SimCluster("cluster.prod", "c1", "v1.31.2", "https://10.0.0.1:6443", "CA", "KUBECONFIG", Status.READY, null));
        first.put(new Member("cluster.prod", "node.w[0]", Member.CONTROL_PLANE, "10.0.0.1", "m0", "v1.31.2", Status.READY));
        first.put(new SimRegistry("registry.mirror", "registry.example:5000", Status.READY, null));
        first.put(new SimBackupPoint("backup_point.local", "file:///backups", Status.READY, null));
        first.put(new Snapshot("cluster.prod", "etcd-v1.31.2-before-v1.32.9", "file:///backups", "v1.31.2"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("clusters/cluster.prod.json"))));
        Datacenter second = Datacenter.open(directory);
        assertEquals(first.machines(), second.machines());
        assertEquals(first.machineAt("10.0.0.1"), second.machineAt("10.0.0.1"));
        assertEquals(first.clusters(), second.clusters());
        assertEquals(first.members("cluster.prod"), second.members("cluster.prod"));
        assertEquals(first.registries(), second.registries());
        assertEquals(first.backupPoints(), second.backupPoints());
        assertEquals(first.snapshots(), second.snapshots());
        assertEquals(List.of("backup_point.local", "cluster.prod", "node.w[0]", "registry.mirror"), List.copyOf(second.owners()));

        second.remove(second.members("cluster.prod").getFirst());
        second.removeCluster("cluster.prod");
        second.removeMachine("node.w[0]");
        Datacenter third = Datacenter.open(directory);
        assertEquals(List.of("backup_point.local", "registry.mirror"), List.copyOf(third.owners()));
        assertTrue(third.machineAt("10.0.0.1").isEmpty());
    }

    @Test
    @DisplayName("Temporary files a killed writer left behind are ignored when reading and removed before the next change")
    void leftoversOfKilledWrites()
            throws IOException
    {
        Datacenter datacenter = Datacenter.open(directory);
        datacenter.put(new Machine("node.a", "m", "10.0.0.1", "a", Status.READY, null));
        Path leftover = directory.resolve("machines").resolve(".node.b.json.12345.tmp");
        Files.writeString(leftover, "{\"owner\": \"node.b\", \"id\": \"tor");
        Datacenter reopened = Datacenter.open(directory);
        assertEquals(List.of("node.a"), List.copyOf(reopened.owners()));
        reopened.removeLeftovers();
        assertFalse(Files.exists(leftover));
    }

    @Test
    @DisplayName("Provider configurations with the same state directory share one datacenter; another directory is another datacenter")
    void sharedByConfigurations()
    {
        SimSettings other = SimSettings.defaults().withSpeed(BigDecimal.TEN);
        Map<String, SimProvider> providers = SimProvider.createAll(Map.of("sim", SimSettings.defaults(), "sim.fast", other,
                "sim.apart", new SimSettings(BigDecimal.ONE, 0, 0, new TreeSet<>(), new TreeSet<>(), "elsewhere")), directory);
        assertSame(providers.get("sim").datacenter(), providers.get("sim.fast").datacenter());
        assertNotSame(providers.get("sim").datacenter(), providers.get("sim.apart").datacenter());
        assertEquals(directory.resolve("elsewhere").toAbsolutePath(), providers.get("sim.apart").datacenter().directory());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node.w[1]              | node.w%5B1%5D
            node.by_zone["a b"]    | node.by_zone%5B%22a%20b%22%5D
            .hidden                | %2Ehidden
            """)
    @DisplayName("Object keys become safe file names")
    void fileNames(String key, String name)
    {
        assertEquals(name, ObjectFiles.fileName(key));
    }

    @Test
    @DisplayName("Very long keys are shortened with a hash, still distinct")
    void longKeys()
    {
        String first = ObjectFiles.fileName("node.w[\"" + "a".repeat(300) + "\"]");
        String second = ObjectFiles.fileName("node.w[\"" + "a".repeat(299) + "b\"]");
        assertTrue(first.length() <= 160);
        assertFalse(first.equals(second));
        try (Stream<String> names = Stream.of(first, second)) {
            assertTrue(names.allMatch(name -> name.matches("[A-Za-z0-9%._~-]+")));
        }
    }
}
