package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.providers.TestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failure injection: the same seed fails the same actions on every run; listed addresses and parts fail every time. */
class FailureInjectionTest
{
    private static final BigDecimal FAST = BigDecimal.valueOf(1_000_000);

    @TempDir
    Path directory;

    @Test
    @DisplayName("failure_rate fails the same addresses on every run with the same seed, about the given share, and others with another seed")
    void rateIsDeterministic()
            throws Exception
    {
        List<String> first = failing(0.3, 7, "first");
        List<String> second = failing(0.3, 7, "second");
        assertEquals(first, second);
        assertTrue(first.size() > 15 && first.size() < 45, () -> first.size() + " of 100 failed");
        assertNotEquals(first, failing(0.3, 8, "third"));
    }

    @Test
    @DisplayName("An address listed in fail fails every time, with a message naming it")
    void listedAddressFails()
    {
        ResourceAddress address = TestValues.address("node", "w", 1);
        Driver driver = provider(Set.of("node.w[1]"), "listed").driver("node").orElseThrow();
        for (int attempt = 0; attempt < 2; attempt++) {
            SimulatedFailureException failure = assertThrows(SimulatedFailureException.class, () -> create(driver, address, "10.0.0.1"));
            assertEquals("simulated failure at node.w[1] (listed in the sim provider's fail)", failure.getMessage());
        }
    }

    @Test
    @DisplayName("A pool listed in fail fails the pool's action, after its cluster's control plane is up, and fails it again on every try")
    void listedPoolFails()
            throws Exception
    {
        SimProvider provider = provider(Set.of("cluster.prod.pool[\"a\"]"), "pool");
        ResourceAddress address = ResourceAddress.of("cluster", "prod");
        provider.driver("cluster").orElseThrow().apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                Optional.of(TestValues.cluster("v1.31.2", 1))), Optional.empty()), new TestContext());
        for (String pool : List.of("a", "a")) {
            SimulatedFailureException failure = assertThrows(SimulatedFailureException.class, () -> provider.driver("worker_pool").orElseThrow()
                    .apply(new ApplyRequest(TestValues.change(TestValues.pool(address, pool), Action.CREATE, Optional.empty(),
                            Optional.of(TestValues.pool("v1.31.2", 2))), Optional.empty()), new TestContext()));
            assertEquals("simulated failure at cluster.prod.pool[\"a\"] (listed in the sim provider's fail)", failure.getMessage());
        }
        List<Member> members = provider.datacenter().members("cluster.prod");
        assertEquals(List.of(Member.CONTROL_PLANE), members.stream().map(Member::group).toList());
    }

    @Test
    @DisplayName("A pool's step listed in fail lets the pool be created and fails it when it reaches that step")
    void listedPoolStepFails()
            throws Exception
    {
        SimProvider provider = provider(Set.of("cluster.prod.pool[\"a\"]:remove"), "pool-step");
        ResourceAddress address = ResourceAddress.of("cluster", "prod");
        provider.driver("cluster").orElseThrow().apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                Optional.of(TestValues.cluster("v1.31.2", 1))), Optional.empty()), new TestContext());
        Driver pools = provider.driver("worker_pool").orElseThrow();
        ResourceAddress pool = TestValues.pool(address, "a");
        Value created = pools.apply(new ApplyRequest(TestValues.change(pool, Action.CREATE, Optional.empty(), Optional.of(TestValues.pool("v1.31.2", 3))),
                Optional.empty()), new TestContext()).newValue().orElseThrow();
        SimulatedFailureException failure = assertThrows(SimulatedFailureException.class, () -> pools.apply(new ApplyRequest(TestValues.change(pool,
                Action.UPDATE, Optional.of(created), Optional.of(TestValues.pool("v1.31.2", 1))), Optional.empty()), new TestContext()));
        assertEquals("simulated failure at cluster.prod.pool[\"a\"]:remove (listed in the sim provider's fail)", failure.getMessage());
        assertEquals(Status.FAILED, provider.datacenter().pool(pool.toString()).orElseThrow().status());
    }

    @Test
    @DisplayName("A step listed in fail fails the cluster at that step: cluster.prod:upgrade lets creation through and stops the upgrade")
    void listedStepFails()
            throws Exception
    {
        SimProvider provider = provider(Set.of("cluster.prod:upgrade"), "step");
        ResourceAddress address = ResourceAddress.of("cluster", "prod");
        Driver driver = provider.driver("cluster").orElseThrow();
        Value created = driver.apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                Optional.of(TestValues.cluster("v1.31.2", 1))), Optional.empty()), new TestContext()).newValue().orElseThrow();
        SimulatedFailureException failure = assertThrows(SimulatedFailureException.class, () -> driver.apply(new ApplyRequest(TestValues.change(address,
                Action.UPDATE, Optional.of(created), Optional.of(TestValues.cluster("v1.32.9", 1))), Optional.empty()), new TestContext()));
        assertEquals("simulated failure at cluster.prod:upgrade (listed in the sim provider's fail)", failure.getMessage());
        assertEquals(Status.FAILED, provider.datacenter().cluster("cluster.prod").orElseThrow().status());
    }

    private List<String> failing(double rate, long seed, String run)
    {
        Driver driver = SimProvider.create(SimSettings.defaults().withSpeed(FAST).withFailures(rate, seed, Set.of(), Set.of()), directory.resolve(run))
                .driver("node").orElseThrow();
        List<String> failed = new ArrayList<>();
        IntStream.range(0, 100).forEach(index -> {
            ResourceAddress address = TestValues.address("node", "w", index);
            try {
                create(driver, address, "10.0.0." + (index + 1));
            }
            catch (SimulatedFailureException e) {
                failed.add(address.toString());
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return failed;
    }

    private SimProvider provider(Set<String> fail, String run)
    {
        return SimProvider.create(SimSettings.defaults().withSpeed(FAST).withFailures(0, 0, fail, Set.of()), directory.resolve(run));
    }

    private static Value create(Driver driver, ResourceAddress address, String host)
            throws Exception
    {
        return driver.apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(), Optional.of(TestValues.node(host, Map.of()))),
                Optional.empty()), new TestContext()).newValue().orElseThrow();
    }
}
