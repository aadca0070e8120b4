package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.providers.TestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applies of 10,000 resources cost file operations linear in the work: a constant number per machine or member. */
class ScaleTest
{
    private static final int COUNT = 10_000;
    private static final BigDecimal FAST = BigDecimal.valueOf(1_000_000_000L);

    @TempDir
    Path directory;

    @Test
    @DisplayName("Creating 10,000 nodes writes two files per node; reading them all back reads each once")
    void tenThousandNodes()
            throws Exception
    {
        SimProvider provider = SimProvider.create(SimSettings.defaults().withSpeed(FAST), directory);
        Driver driver = provider.driver("node").orElseThrow();
        for (int index = 0; index < COUNT; index++) {
            ResourceAddress address = TestValues.address("node", "w", index);
            driver.apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                    Optional.of(TestValues.node("10." + (index / 65536) + "." + (index / 256 % 256) + "." + (index % 256), Map.of()))), Optional.empty()), new TestContext());
        }
        assertEquals(2L * COUNT, provider.datacenter().fileOperations());

        SimProvider next = SimProvider.create(SimSettings.defaults().withSpeed(FAST), directory);
        for (int index = 0; index < COUNT; index += 997) {
            ResourceAddress address = TestValues.address("node", "w", index);
            assertTrue(next.refresher().read(new RefreshRequest(address, "sim", TestValues.type("node"), TestValues.applied(TestValues.node("10.0.0.1", Map.of()))))
                    .observed().isPresent());
        }
        assertEquals(COUNT, next.datacenter().fileOperations());
        assertEquals("node.w[9999]", next.datacenter().machineAt("10.0.39.15").orElseThrow().owner());
    }

    @Test
    @DisplayName("A 10,000-node pool writes each member once, and scaling it by one writes one more")
    void tenThousandMembers()
            throws Exception
    {
        SimProvider provider = SimProvider.create(SimSettings.defaults().withSpeed(FAST), directory);
        ResourceAddress cluster = ResourceAddress.of("cluster", "big");
        provider.driver("cluster").orElseThrow().apply(new ApplyRequest(TestValues.change(cluster, Action.CREATE, Optional.empty(),
                Optional.of(TestValues.cluster("v1.31.2", 3))), Optional.empty()), new TestContext());
        Driver driver = provider.driver("worker_pool").orElseThrow();
        ResourceAddress address = TestValues.pool(cluster, "a");
        Value created = driver.apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                Optional.of(TestValues.pool("v1.31.2", COUNT))), Optional.empty()), new TestContext()).newValue().orElseThrow();
        long afterCreate = provider.datacenter().fileOperations();
        assertTrue(afterCreate <= COUNT + 3 + 3 + 2, () -> afterCreate + " file operations");
        assertEquals(COUNT + 3, provider.datacenter().members("cluster.big").size());

        driver.apply(new ApplyRequest(TestValues.change(address, Action.UPDATE, Optional.of(created),
                Optional.of(TestValues.pool("v1.31.2", COUNT + 1))), Optional.empty()), new TestContext());
        long scaling = provider.datacenter().fileOperations() - afterCreate;
        assertTrue(scaling <= 1 + 1, () -> scaling + " file operations to add one node");
    }
}
