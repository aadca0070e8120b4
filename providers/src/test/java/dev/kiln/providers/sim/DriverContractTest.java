package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.providers.ResourceSchemas;
import dev.kiln.providers.TestContext;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every simulated driver keeps: create → read → update → read → delete → read
 * gone; a finished create applied again changes nothing; the response is wholly known with
 * secrets marked; cancellation ends a hanging action.
 */
class DriverContractTest
{
    private static final BigDecimal FAST = BigDecimal.valueOf(1_000_000);

    @TempDir
    Path directory;

    /** One resource type's case: its address, the value to create, the value to update it to, and the cluster it lives in, if any. */
    record Case(String type, ResourceAddress address, Value created, Value updated, Optional<Value> cluster)
    {
        Case(String type, ResourceAddress address, Value created, Value updated)
        {
            this(type, address, created, updated, Optional.empty());
        }

        @Override
        public String toString()
        {
            return type;
        }
    }

    static List<Case> cases()
    {
        Value registry = TestValues.planned("registry", Map.of("endpoint", Value.string("https://registry.example:5000/v2")));
        Value fs = TestValues.block(ResourceSchemas.of("backup_point").block().blocks().get("fs").schema(), Map.of("path", Value.string("/backups/etcd")), false);
        Value point = TestValues.planned("backup_point", Map.of("fs", fs));
        return List.of(
                new Case("node", TestValues.address("node", "w", 0),
                        TestValues.node("10.0.0.1", Map.of("role", "a")), TestValues.node("10.0.0.1", Map.of("role", "b"))),
                new Case("cluster", ResourceAddress.of("cluster", "prod"),
                        TestValues.cluster("v1.30.4", 3), TestValues.cluster("v1.32.1", 1)),
                new Case("worker_pool", TestValues.pool(ResourceAddress.of("cluster", "prod"), "a"),
                        TestValues.pool("v1.31.2", 2), TestValues.with(TestValues.pool("v1.31.2", 5), "labels", TestValues.stringMap(Map.of("tier", "web"))),
                        Optional.of(TestValues.cluster("v1.31.2", 1))),
                new Case("registry", ResourceAddress.of("registry", "mirror"),
                        registry, TestValues.with(registry, "insecure", Value.bool(true))),
                new Case("backup_point", ResourceAddress.of("backup_point", "local"),
                        point, TestValues.with(point, "fs", TestValues.with(fs, "path", Value.string("/backups/other")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("Create, read, update, read, delete, read gone")
    void lifecycle(Case subject)
            throws Exception
    {
        SimProvider provider = provider(SimSettings.defaults().withSpeed(FAST));
        Driver driver = provider.driver(subject.type()).orElseThrow();
        createCluster(provider, subject);

        Value created = apply(driver, subject.address(), Action.CREATE, Optional.empty(), subject.created());
        assertTrue(created.isWhollyKnown());
        assertEquals(Optional.of(created), read(provider, subject, created));

        Action update = subject.type().equals("backup_point") ? Action.REPLACE : Action.UPDATE;
        Value updated = apply(driver, subject.address(), update, Optional.of(created), subject.updated());
        assertTrue(updated.isWhollyKnown());
        assertEquals(Optional.of(updated), read(provider, subject, updated));

        ApplyResponse deleted = driver.apply(new ApplyRequest(TestValues.change(subject.address(), Action.DELETE, Optional.of(updated), Optional.empty()),
                Optional.of(recorded(subject.address(), updated))), new TestContext());
        assertEquals(Optional.empty(), deleted.newValue());
        assertEquals(Optional.empty(), read(provider, subject, updated));
        assertFalse(provider.datacenter().owners().contains(subject.address().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("Applying a finished create again returns the same object without redoing it")
    void createIsReentrant(Case subject)
            throws Exception
    {
        SimProvider provider = provider(SimSettings.defaults().withSpeed(FAST));
        Driver driver = provider.driver(subject.type()).orElseThrow();
        createCluster(provider, subject);
        Value first = apply(driver, subject.address(), Action.CREATE, Optional.empty(), subject.created());
        long operations = provider.datacenter().fileOperations();
        Value second = apply(driver, subject.address(), Action.CREATE, Optional.empty(), subject.created());
        assertEquals(first, second);
        assertTrue(provider.datacenter().fileOperations() - operations <= 2, "a finished create rewrites at most its own record");
    }

    @Test
    @DisplayName("Applying a finished replacement again keeps the new machine instead of replacing it once more")
    void replacementIsReentrant()
            throws Exception
    {
        SimProvider provider = provider(SimSettings.defaults().withSpeed(FAST));
        Driver driver = provider.driver("node").orElseThrow();
        ResourceAddress address = TestValues.address("node", "w", 3);
        Value original = apply(driver, address, Action.CREATE, Optional.empty(), TestValues.node("10.0.0.1", Map.of()));
        Value replaced = apply(driver, address, Action.REPLACE, Optional.of(original), TestValues.node("10.0.0.2", Map.of()));
        String id = provider.datacenter().machine(address.toString()).orElseThrow().id();
        assertEquals(replaced, apply(driver, address, Action.REPLACE, Optional.of(original), TestValues.node("10.0.0.2", Map.of())));
        assertEquals(id, provider.datacenter().machine(address.toString()).orElseThrow().id());
        assertTrue(provider.datacenter().machineAt("10.0.0.1").isEmpty());
    }

    @Test
    @DisplayName("The cluster's kubeconfig comes back marked sensitive, and its endpoint and CA certificate known")
    void clusterComputedAttributes()
            throws Exception
    {
        SimProvider provider = provider(SimSettings.defaults().withSpeed(FAST));
        Value cluster = apply(provider.driver("cluster").orElseThrow(), ResourceAddress.of("cluster", "prod"), Action.CREATE, Optional.empty(),
                TestValues.cluster("v1.31.2", 1));
        assertTrue(ValueParts.attribute(cluster, "kubeconfig").orElseThrow().sensitive());
        assertEquals(Optional.of("running"), ValueParts.string(cluster, "status"));
        assertEquals(Optional.of("v1.31.2"), ValueParts.string(cluster, "current_version"));
        assertTrue(ValueParts.string(cluster, "endpoint").orElseThrow().matches("https://100\\.[0-9.]+:6443"));
        assertTrue(ValueParts.string(cluster, "ca_certificate").orElseThrow().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(StateValues.sensitivePaths(cluster).stream().map(Object::toString).toList().contains("kubeconfig"));
    }

    @Test
    @DisplayName("A cluster backed up to a backup point gets an etcd snapshot there before an upgrade, once")
    void snapshotBeforeUpgrade()
            throws Exception
    {
        SimProvider provider = provider(SimSettings.defaults().withSpeed(FAST));
        Value fs = TestValues.block(ResourceSchemas.of("backup_point").block().blocks().get("fs").schema(), Map.of("path", Value.string("/backups/etcd")), false);
        Value point = apply(provider.driver("backup_point").orElseThrow(), ResourceAddress.of("backup_point", "local"), Action.CREATE, Optional.empty(),
                TestValues.planned("backup_point", Map.of("fs", fs)));
        Value backup = TestValues.block(ResourceSchemas.of("cluster").block().blocks().get("backup").schema(), Map.of("point", point), false);
        ResourceAddress address = ResourceAddress.of("cluster", "prod");
        Driver driver = provider.driver("cluster").orElseThrow();
        Value created = apply(driver, address, Action.CREATE, Optional.empty(), TestValues.with(TestValues.cluster("v1.30.4", 1), "backup", backup));
        Driver pools = provider.driver("worker_pool").orElseThrow();
        ResourceAddress pool = TestValues.pool(address, "a");
        Value poolCreated = apply(pools, pool, Action.CREATE, Optional.empty(), TestValues.pool("v1.30.4", 1));
        assertEquals(List.of(), provider.datacenter().snapshots());
        Value upgraded = TestValues.with(TestValues.cluster("v1.32.1", 1), "backup", backup);
        apply(driver, address, Action.UPDATE, Optional.of(created), upgraded);
        assertEquals(List.of(new Snapshot("cluster.prod", "etcd-v1.30.4-before-v1.32.1", "file:///backups/etcd", "v1.30.4")), provider.datacenter().snapshots());
        assertEquals(List.of("v1.32.1", "v1.30.4"), provider.datacenter().members("cluster.prod").stream().map(Member::version).toList());
        apply(pools, pool, Action.UPDATE, Optional.of(poolCreated), TestValues.pool("v1.32.1", 1));
        assertEquals(List.of("v1.32.1", "v1.32.1"), provider.datacenter().members("cluster.prod").stream().map(Member::version).toList());
    }

    @Test
    @DisplayName("A hanging action ends when it is cancelled, and nothing it left half done reads as created")
    void cancellationEndsHang()
            throws Exception
    {
        ResourceAddress address = TestValues.address("node", "w", 1);
        SimProvider provider = provider(SimSettings.defaults().withFailures(0, 0, Set.of(), Set.of(address.toString())));
        Driver driver = provider.driver("node").orElseThrow();
        TestContext context = new TestContext();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyResponse> running = executor.submit(() -> driver.apply(new ApplyRequest(TestValues.change(address, Action.CREATE, Optional.empty(),
                    Optional.of(TestValues.node("10.0.0.9", Map.of()))), Optional.empty()), context));
            assertThrows(TimeoutException.class, () -> running.get(300, TimeUnit.MILLISECONDS));
            context.cancellation().cancel();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
            assertInstanceOf(CancellationException.class, failure.getCause());
        }
        finally {
            executor.shutdownNow();
        }
        assertTrue(context.messages().getFirst().startsWith("hanging at node.w[1]"), context.messages().toString());
    }

    @Test
    @DisplayName("A machine killed half way through provisioning reads as gone, and the next create resumes it")
    void interruptedCreateResumes()
            throws Exception
    {
        ResourceAddress address = TestValues.address("node", "w", 2);
        SimProvider slow = provider(SimSettings.defaults());
        TestContext context = new TestContext();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyResponse> running = executor.submit(() -> slow.driver("node").orElseThrow().apply(new ApplyRequest(TestValues.change(address, Action.CREATE,
                    Optional.empty(), Optional.of(TestValues.node("10.0.0.7", Map.of()))), Optional.empty()), context));
            while (slow.datacenter().machine(address.toString()).isEmpty()) {
                Thread.sleep(10);
            }
            context.cancellation().cancel();
            assertThrows(ExecutionException.class, running::get);
        }
        finally {
            executor.shutdownNow();
        }
        SimProvider next = provider(SimSettings.defaults().withSpeed(FAST));
        assertEquals(Status.PROVISIONING, next.datacenter().machine(address.toString()).orElseThrow().status());
        Case subject = new Case("node", address, TestValues.node("10.0.0.7", Map.of()), TestValues.node("10.0.0.7", Map.of()));
        assertEquals(Optional.empty(), read(next, subject, TestValues.applied(subject.created())));
        String id = next.datacenter().machine(address.toString()).orElseThrow().id();
        Value created = apply(next.driver("node").orElseThrow(), address, Action.CREATE, Optional.empty(), subject.created());
        assertEquals(Optional.of(created), read(next, subject, created));
        assertEquals(id, next.datacenter().machine(address.toString()).orElseThrow().id());
    }

    private static void createCluster(SimProvider provider, Case subject)
            throws Exception
    {
        if (subject.cluster().isPresent()) {
            apply(provider.driver("cluster").orElseThrow(), subject.address().parent().orElseThrow(), Action.CREATE, Optional.empty(), subject.cluster().get());
        }
    }

    private SimProvider provider(SimSettings settings)
    {
        return SimProvider.create(settings, directory);
    }

    private static Value apply(Driver driver, ResourceAddress address, Action action, Optional<Value> before, Value after)
            throws Exception
    {
        ApplyResponse response = driver.apply(new ApplyRequest(TestValues.change(address, action, before, Optional.of(after)),
                before.map(value -> recorded(address, value))), new TestContext());
        return response.newValue().orElseThrow();
    }

    private static Optional<Value> read(SimProvider provider, Case subject, Value prior)
    {
        RefreshResponse response = provider.refresher().read(new RefreshRequest(subject.address(), "sim", TestValues.type(subject.type()), prior));
        assertEquals(List.of(), response.diagnostics());
        return response.observed();
    }

    private static ResourceInstance recorded(ResourceAddress address, Value value)
    {
        return new ResourceInstance(address, "sim", StateValues.attributes(value), StateValues.sensitivePaths(value), List.of(),
                InstanceStatus.READY, false, Instant.EPOCH, Instant.EPOCH);
    }
}
