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
import static dev.kiln.lang.config.model.rules.ModelRulesTest.nodes;

/** Control planes and pools: quorum, sizes, endpoints, node assignment. */
final class ControlPlaneCases
{
    private ControlPlaneCases() {}

    static Stream<Arguments> violations()
    {
        return Stream.of(
                named("two stacked control planes by nodes", () -> {
                    TestBlock plane = controlPlane(names(2)).set("endpoint", "10.0.0.100");
                    return Scenario.of(nodes(2)).with(cluster("prod", plane)).expect("Even number of control plane nodes", plane.rangeOf("nodes"));
                }),
                named("four stacked control planes by a splat", () -> {
                    TestBlock plane = block("control_plane").references("nodes", 4, "node.m[*]").set("endpoint", "10.0.0.100");
                    return Scenario.of(indexed("m", 4)).with(cluster("prod", plane))
                            .expect("Even number of control plane nodes", plane.rangeOf("nodes"));
                }),
                named("two control planes by replicas", () -> {
                    TestBlock plane = block("control_plane").set("replicas", 2);
                    return Scenario.of(cluster("prod", plane).provider("capi"))
                            .provider(block("provider", "capi"))
                            .expect("Even number of control plane nodes", plane.rangeOf("replicas"));
                }),
                named("replicas on a kubeadm cluster", () -> {
                    TestBlock plane = block("control_plane").set("replicas", 1);
                    return Scenario.of(cluster("prod", plane)).expect("Replicas need a provider that creates machines", plane.rangeOf("replicas"));
                }),
                named("both nodes and replicas", () -> {
                    TestBlock workers = pool("workers", "w1").set("replicas", 1);
                    return Scenario.of(node("m1", "10.0.0.1"), node("w1", "10.0.0.2"), cluster("prod", controlPlane("m1"), workers))
                            .expect("Conflicting nodes and replicas", workers.rangeOf("replicas"));
                }),
                named("an empty control plane on vSphere", () -> {
                    TestBlock plane = block("control_plane");
                    return Scenario.of(cluster("prod", plane, block("infrastructure", "vsphere").set("server", "vcenter.example")).provider("capi"))
                            .expect("Missing nodes or replicas", plane.typeRange());
                }),
                named("a pool without nodes or replicas", () -> {
                    TestBlock workers = block("worker_pool", "workers");
                    return ModelRulesTest.single(workers).expect("Missing nodes or replicas", workers.labelRange());
                }),
                named("three kubeadm control planes without an endpoint", () -> {
                    TestBlock plane = controlPlane(names(3));
                    return Scenario.of(nodes(3)).with(cluster("prod", plane)).expect("Missing control plane endpoint", plane.typeRange());
                }),
                named("a virtual IP that is a node's address", () -> {
                    TestBlock plane = controlPlane(names(3)).set("endpoint", "10.0.1.2:6443");
                    return Scenario.of(nodes(3)).with(cluster("prod", plane)).expect("Virtual IP taken by a node", plane.rangeOf("endpoint"));
                }),
                named("a control plane listing no nodes", () -> {
                    TestBlock plane = block("control_plane").references("nodes", 0);
                    return Scenario.of(cluster("prod", plane)).expect("Empty control plane", plane.rangeOf("nodes"));
                }),
                named("infrastructure on a kubeadm cluster", () -> {
                    TestBlock infrastructure = block("infrastructure", "docker");
                    return ModelRulesTest.single(infrastructure).expect("Block needs a provider that creates machines", infrastructure.labelRange());
                }),
                named("a node in two clusters", () -> {
                    TestBlock second = controlPlane("m1");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster("a", controlPlane("m1")), cluster("b", second))
                            .expect("Node used by two clusters", second.rangeOf("nodes"));
                }),
                named("a node in the control plane and a pool", () -> {
                    TestBlock workers = pool("workers", "m1");
                    return ModelRulesTest.single(workers).expect("Node used twice in a cluster", workers.rangeOf("nodes"));
                }),
                named("a node reference that names a registry", () -> {
                    TestBlock plane = block("control_plane").references("nodes", 1, "registry.mirror");
                    return Scenario.of(block("registry", "mirror").set("endpoint", "registry.example:5000"), cluster("prod", plane))
                            .expect("Invalid node reference", plane.referenceRange("nodes"));
                }));
    }

    static Stream<Arguments> clean()
    {
        return Stream.of(
                named("three stacked control planes behind a virtual IP", () -> Scenario.of(nodes(3))
                        .with(cluster("prod", controlPlane(names(3)).set("endpoint", "10.0.0.100")))),
                named("a load balancer on a node's address", () -> Scenario.of(nodes(3))
                        .with(cluster("prod", controlPlane(names(3)).set("endpoint", "10.0.1.1:6443").set("endpoint_type", "load_balancer")))),
                named("two control planes with external etcd", () -> Scenario.of(nodes(2)).with(cluster("prod",
                        controlPlane(names(2)).set("endpoint", "lb.example:6443").set("endpoint_type", "load_balancer"),
                        block("etcd").set("type", "external").strings("endpoints", "https://10.0.2.1:2379")))),
                named("replicas on a Cluster API cluster", () -> Scenario.of(cluster("prod",
                                block("control_plane").set("replicas", 3),
                                block("worker_pool", "md-0").set("replicas", 5)).provider("capi.east"))
                        .provider(block("provider", "capi").set("alias", "east"))),
                named("replicas on a simulator cluster selected by default", () -> Scenario.of(cluster("prod",
                                block("control_plane").set("replicas", 1)))
                        .provider(block("provider", "sim"))),
                named("an EKS-managed control plane", () -> Scenario.of(cluster("eks",
                        block("control_plane"),
                        block("worker_pool", "general").set("replicas", 2),
                        block("infrastructure", "aws").set("region", "eu-west-1")).provider("capi"))),
                named("an unknown node count", () -> Scenario.of(cluster("prod", block("control_plane").unknown("replicas")).provider("capi"))),
                named("a control plane of one untainted node", () -> ModelRulesTest.single().with(block("node", "spare").set("address", "10.0.0.9"))));
    }

    static TestBlock[] indexed(String name, int count)
    {
        TestBlock[] nodes = new TestBlock[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = node(name, "10.0.3." + (i + 1)).key(i);
        }
        return nodes;
    }
}
