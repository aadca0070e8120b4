package dev.kiln.bench;

import dev.kiln.executors.ssh.SshHostConfig;
import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SshFanOutSmokeTest
{
    @Test
    @DisplayName("the SSH benchmark's Kiln side runs a command and uploads a file on every host; its inventory file round-trips")
    void fanOut(@TempDir Path directory)
            throws Exception
    {
        try (TestHosts hosts = TestHosts.start(3)) {
            List<SshHostConfig> configs = IntStream.range(0, 3).mapToObj(hosts::rootConfig).toList();
            SshFanOut.runCommand(configs, "uname -a > /var/lib/kiln/ran");
            byte[] content = new byte[300_000];
            new Random(3).nextBytes(content);
            Path file = Files.write(directory.resolve("bundle.bin"), content);
            SshFanOut.upload(configs, file, "/var/lib/kiln/bundle.bin");
            for (int index = 0; index < 3; index++) {
                assertEquals(true, Files.exists(hosts.host(index).path("/var/lib/kiln/ran")));
                assertArrayEquals(content, Files.readAllBytes(hosts.host(index).path("/var/lib/kiln/bundle.bin")));
            }
            Path inventory = directory.resolve("inventory");
            SshFanOut.writeInventory(configs, hosts.clientKey(), hosts.knownHosts(), inventory);
            SshFanOut.main(new String[] {inventory.toString(), "touch /var/lib/kiln/from-main"});
            assertEquals(true, Files.exists(hosts.host(2).path("/var/lib/kiln/from-main")));
        }
    }
}
