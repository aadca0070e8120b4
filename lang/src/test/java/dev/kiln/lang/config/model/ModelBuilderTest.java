package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.lang.config.model.Scenario.cluster;
import static dev.kiln.lang.config.model.Scenario.controlPlane;
import static dev.kiln.lang.config.model.Scenario.node;
import static dev.kiln.lang.config.model.TestBlock.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBuilderTest
{
    @Test
    @DisplayName("an unwritten network, runtime, etcd and CNI take the documented defaults")
    void clusterDefaults()
    {
        Model model = Scenario.of(node("m1", "10.0.0.1"), cluster("prod", controlPlane("m1"))).build().model();
        Cluster cluster = model.clusters().get(ResourceAddress.of("cluster", "prod"));
        assertEquals(Optional.of(List.of("172.25.0.0/16")), cluster.network().podCidrs().known());
        assertEquals(Optional.of(List.of("10.96.0.0/16")), cluster.network().serviceCidrs().known());
        assertEquals(Optional.of("cluster.local"), cluster.network().dnsDomain().known());
        assertEquals(Optional.of("overlay-ipip-all"), cluster.network().calico().mode().known());
        assertEquals(Optional.of(1440), cluster.network().calico().mtu().known());
        assertEquals(Optional.of("containerd"), cluster.runtime().type().known());
        assertEquals(Optional.of("/var/lib/containerd"), cluster.runtime().dataDirectory().known());
        assertEquals(Optional.of("/var/lib/etcd"), cluster.etcd().dataDirectory().known());
        assertTrue(cluster.etcd().isStacked());
        assertEquals(Optional.of(List.of("node-role.kubernetes.io/control-plane:NoSchedule")), cluster.controlPlane().taints().known());
        assertEquals(ProviderType.KUBEADM, cluster.providerType());
    }

    @Test
    @DisplayName("dual stack fills in an IPv4 and an IPv6 default for each network")
    void dualStackDefaults()
    {
        Model model = Scenario.of(node("m1", "10.0.0.1"), cluster("prod", controlPlane("m1"), block("network").set("ip_family", "dual"))).build().model();
        Network network = model.clusters().values().iterator().next().network();
        assertEquals(Optional.of(List.of("172.25.0.0/16", "fd00:10:244::/56")), network.podCidrs().known());
        assertEquals(Optional.of(List.of("10.96.0.0/16", "fd00:10:96::/112")), network.serviceCidrs().known());
    }

    @Test
    @DisplayName("node.w[*] expands to every declared instance of node.w, in key order")
    void splatExpands()
    {
        Scenario scenario = Scenario.of(
                node("w", "10.0.0.3").key(1),
                node("w", "10.0.0.2").key(0),
                node("m1", "10.0.0.1"),
                cluster("prod",
                        controlPlane("m1"),
                        block("worker_pool", "workers").references("nodes", 2, "node.w[*]")));
        Cluster cluster = scenario.build().model().clusters().values().iterator().next();
        assertEquals(
                List.of(new ResourceAddress("node", "w", new InstanceKey.Index(0)), new ResourceAddress("node", "w", new InstanceKey.Index(1))),
                cluster.workerPools().getFirst().members().nodes().orElseThrow().nodes());
        assertEquals(Optional.of(3), cluster.knownMachineCount());
        assertEquals(3, cluster.referencedNodes().size());
    }

    @Test
    @DisplayName("references to a registry and a backup point are kept as addresses")
    void singleReferences()
    {
        Scenario scenario = Scenario.of(
                node("m1", "10.0.0.1"),
                block("registry", "mirror").set("endpoint", "10.0.0.50:5000").set("insecure", true),
                block("backup_point", "minio").block(block("s3").set("bucket", "etcd")),
                cluster("prod", controlPlane("m1"), block("backup").reference("point", "backup_point.minio")).reference("registry", "registry.mirror"));
        Scenario.Result result = scenario.build();
        assertEquals(List.of(), result.diagnostics());
        Cluster cluster = result.model().clusters().values().iterator().next();
        assertEquals(ResourceAddress.of("registry", "mirror"), cluster.registry().orElseThrow().target());
        assertEquals(ResourceAddress.of("backup_point", "minio"), cluster.backup().orElseThrow().point().orElseThrow().target());
        BackupPoint point = result.model().backupPoints().values().iterator().next();
        BackupPoint.S3Store store = assertInstanceOf(BackupPoint.S3Store.class, point.store().orElseThrow());
        assertEquals(Optional.of("us-east-1"), store.region().known());
    }

    @Test
    @DisplayName("storage classes default their names per driver")
    void storageDefaults()
    {
        Scenario scenario = Scenario.of(node("m1", "10.0.0.1"), cluster("prod", controlPlane("m1"),
                block("storage", "nfs").set("server", "10.0.0.9").set("path", "/exports")));
        Storage storage = scenario.build().model().clusters().values().iterator().next().storages().getFirst();
        Storage.Nfs nfs = assertInstanceOf(Storage.Nfs.class, storage);
        assertEquals(Optional.of("nfs-sc"), nfs.storageClass().known());
        assertEquals(Optional.of("Delete"), nfs.reclaimPolicy().known());
    }

    @Test
    @DisplayName("providers are ordered by name and clusters resolve the type they select")
    void providers()
    {
        Scenario scenario = Scenario.of(cluster("prod", block("control_plane").set("replicas", 1)).provider("capi.east"))
                .provider(block("provider", "sim"))
                .provider(block("provider", "capi").set("alias", "east").map("unused", Map.of()))
                .provider(block("provider", "capi"));
        Model model = scenario.build().model();
        assertEquals(List.of("capi", "capi.east", "sim"), model.providers().stream().map(ProviderSettings::name).toList());
        assertEquals(ProviderType.CAPI, model.clusters().values().iterator().next().providerType());
        assertTrue(model.provider("capi.east").isPresent());
    }

    @Test
    @DisplayName("without a kiln block no settings are recorded; with one the state backend is typed")
    void kilnSettings()
    {
        assertTrue(Scenario.of().build().model().kiln().isEmpty());
        Model model = Scenario.of().kiln(block("kiln").block(block("state", "local").set("path", "state/prod.json"))).build().model();
        StateSettings.LocalState local = assertInstanceOf(StateSettings.LocalState.class, model.kiln().orElseThrow().state());
        assertEquals(Optional.of("state/prod.json"), local.path().known());
        assertEquals(Optional.of(10), model.kiln().orElseThrow().parallelism().known());
    }
}
