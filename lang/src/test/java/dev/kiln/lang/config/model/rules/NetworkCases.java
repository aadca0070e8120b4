package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static dev.kiln.lang.config.model.Scenario.cluster;
import static dev.kiln.lang.config.model.Scenario.controlPlane;
import static dev.kiln.lang.config.model.Scenario.node;
import static dev.kiln.lang.config.model.Scenario.pool;
import static dev.kiln.lang.config.model.TestBlock.block;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.named;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.names;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.network;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.nodes;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.single;

/** Pod and service networks, address families, capacity, Calico. */
final class NetworkCases
{
    private NetworkCases() {}

    static Stream<Arguments> violations()
    {
        return Stream.of(
                named("a pod network without a prefix length", () -> {
                    TestBlock network = network().set("pod_cidr", "10.244.0.0");
                    return single(network).expect("Invalid CIDR", network.rangeOf("pod_cidr"));
                }),
                named("a misspelled IP family", () -> {
                    TestBlock network = network().set("ip_family", "duel");
                    return single(network).expect("Invalid IP family", network.rangeOf("ip_family"));
                }),
                named("dual stack with only IPv4 pods", () -> {
                    TestBlock network = network().set("ip_family", "dual").set("pod_cidr", "10.244.0.0/16");
                    return single(network).expect("Dual stack needs both address families", network.rangeOf("pod_cidr"));
                }),
                named("an IPv6 service network in an IPv4 cluster", () -> {
                    TestBlock network = network().set("service_cidr", "fd00:10:96::/112");
                    return single(network).expect("Network of the wrong address family", network.rangeOf("service_cidr"));
                }),
                named("a service network wider than a /12", () -> {
                    TestBlock network = network().set("service_cidr", "10.96.0.0/11");
                    return single(network).expect("Service network too large", network.rangeOf("service_cidr"));
                }),
                named("overlapping pod and service networks", () -> {
                    TestBlock network = network().set("pod_cidr", "10.96.0.0/12").set("service_cidr", "10.100.0.0/16");
                    return single(network).expect("Overlapping pod and service networks", network.rangeOf("service_cidr"));
                }),
                named("a node inside the pod network", () -> {
                    TestBlock inside = node("m1", "172.25.3.4");
                    return Scenario.of(inside, cluster("prod", controlPlane("m1"))).expect("Address inside a cluster network", inside.rangeOf("address"));
                }),
                named("a pod network too small for the nodes", () -> {
                    TestBlock network = network().set("pod_cidr", "10.244.0.0/24");
                    return Scenario.of(nodes(5)).with(cluster("prod",
                                    controlPlane("n0"),
                                    pool("workers", "n1", "n2", "n3", "n4"),
                                    network))
                            .expect("Pod network too small for the nodes", network.rangeOf("pod_cidr"));
                }),
                named("a misspelled Calico mode", () -> {
                    TestBlock cni = block("cni", "calico").set("mode", "overlay-ipip-al");
                    return single(network().block(cni)).expect("Unsupported Calico mode", cni.rangeOf("mode"));
                }),
                named("a Calico MTU too small", () -> {
                    TestBlock cni = block("cni", "calico").set("mtu", 576);
                    return single(network().block(cni)).expect("MTU out of range", cni.rangeOf("mtu"));
                }),
                named("can-reach without a destination", () -> {
                    TestBlock cni = block("cni", "calico").set("ip_autodetection", "can-reach");
                    return single(network().block(cni)).expect("Invalid IP autodetection method", cni.rangeOf("ip_autodetection"));
                }),
                named("a CNI plugin Kiln does not install", () -> {
                    TestBlock cni = block("cni", "calcio");
                    return single(network().block(cni)).expect("Unsupported CNI plugin", cni.labelRange());
                }));
    }

    static Stream<Arguments> clean()
    {
        return Stream.of(
                named("the default networks", () -> single(network())),
                named("dual stack with both families", () -> single(network()
                        .set("ip_family", "dual")
                        .set("pod_cidr", "10.244.0.0/16, fd00:10:244::/56")
                        .set("service_cidr", "10.96.0.0/16,fd00:10:96::/112"))),
                named("IPv6 only with its defaults", () -> Scenario.of(node("m1", "fd00:1::10"), cluster("prod", controlPlane("m1"), network().set("ip_family", "ipv6")))),
                named("a /16 pod network holds 1024 nodes", () -> Scenario.of(nodes(4)).with(cluster("prod",
                        block("control_plane").set("replicas", 1),
                        block("worker_pool", "big").set("replicas", 1023),
                        network().set("pod_cidr", "10.244.0.0/16")).provider("sim"))),
                named("every Calico setting", () -> single(network().block(block("cni", "calico")
                        .set("mode", "overlay-vxlan-cross-subnet")
                        .set("mtu", 1450)
                        .set("ip_autodetection", "interface=eth.*")))),
                named("unknown networks", () -> single(network().unknown("pod_cidr").unknown("service_cidr").unknown("ip_family"))));
    }
}
