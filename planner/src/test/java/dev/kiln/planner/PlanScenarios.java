package dev.kiln.planner;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Named plans the golden rendering tests render: each a configuration, a recorded state and options. */
public final class PlanScenarios
{
    public static final List<String> NAMES = List.of(
            "create", "update", "replace", "delete", "destroy", "drift", "targeting", "sensitive", "unknown", "no-changes", "forbidden", "collections");

    private PlanScenarios() {}

    public static PlanResult plan(String name)
    {
        return switch (name) {
            case "create" -> Planner.plan(request(clusterConfig("v1.29.4", "core").build(), TestStates.empty(), PlanOptions.DEFAULT, Refresher.NONE));
            case "update" -> Planner.plan(request(clusterConfig("v1.29.4", "ops").output("endpoint", Value.string("https://10.0.0.2:6443"), false).build(),
                    recordedCluster("v1.27.3").build(), PlanOptions.DEFAULT, Refresher.NONE));
            case "replace" -> Planner.plan(request(
                    nodes("10.0.0.99", "10.0.0.11", "10.0.0.12").build(),
                    recordedNodes(3).tainted("node.w[1]").build(),
                    PlanOptions.DEFAULT.withReplace(Set.of(TestConfig.address("node.w[2]"))),
                    Refresher.NONE));
            case "delete" -> Planner.plan(request(nodes("10.0.0.10", "10.0.0.11").build(),
                    recordedNodes(3).instance(TestTypes.NODE, "node.old", Map.of("address", Value.string("10.0.0.50"))).build(), PlanOptions.DEFAULT, Refresher.NONE));
            case "destroy" -> Planner.plan(request(clusterConfig("v1.27.3", "core").build(), recordedCluster("v1.27.3").build(),
                    PlanOptions.DEFAULT.withMode(PlanMode.DESTROY), Refresher.NONE));
            case "drift" -> Planner.plan(request(nodes("10.0.0.10", "10.0.0.11").build(), recordedNodes(2).build(), PlanOptions.DEFAULT, request -> {
                if (request.address().toString().equals("node.w[1]")) {
                    return RefreshResponse.gone();
                }
                Value.ObjectValue prior = (Value.ObjectValue) request.prior();
                Map<String, Value> observed = new LinkedHashMap<>(prior.attributes());
                observed.put("labels", Value.map(Type.STRING, Map.of("team", Value.string("ops"))));
                return RefreshResponse.observed(Value.object(observed));
            }));
            case "targeting" -> Planner.plan(request(clusterConfig("v1.29.4", "core").resource("node.x", node("10.0.0.30", "core")).build(), TestStates.empty(),
                    PlanOptions.DEFAULT.withTargets(Set.of(TestConfig.address("cluster.prod"))), Refresher.NONE));
            case "sensitive" -> Planner.plan(request(
                    TestConfig.builder()
                            .resource("node.a", withPassword(node("10.0.0.5", "core"), "new-secret"))
                            .variable("admin_password", Value.string("hunter2").withSensitive(true), true)
                            .output("admin_password", Value.string("hunter2"), true)
                            .build(),
                    TestStates.builder()
                            .instance(TestTypes.NODE, "node.a", withPassword(recordedNode("10.0.0.5", "core", "a-host"), "old-secret"))
                            .output("admin_password", StateJson.object().textNode("old"), true)
                            .build(),
                    PlanOptions.DEFAULT, Refresher.NONE));
            case "unknown" -> Planner.plan(request(
                    TestConfig.builder()
                            .resource("node.gw", Map.of(
                                    "address", Value.string("10.0.0.7"),
                                    "labels", Value.map(Type.STRING, Map.of("endpoint", Value.unknown(Type.STRING), "team", Value.string("core")))))
                            .output("addresses", Value.tuple(List.of(Value.string("10.0.0.7"), Value.unknown(Type.STRING))), false)
                            .build(),
                    TestStates.builder()
                            .instance(TestTypes.NODE, "node.gw", Map.of(
                                    "address", Value.string("10.0.0.7"),
                                    "hostname", Value.string("gw"),
                                    "labels", Value.map(Type.STRING, Map.of("endpoint", Value.string("https://10.0.0.2:6443"), "team", Value.string("core")))))
                            .build(),
                    PlanOptions.DEFAULT, Refresher.NONE));
            case "no-changes" -> Planner.plan(request(nodes("10.0.0.10", "10.0.0.11").build(), recordedNodes(2).build(), PlanOptions.DEFAULT, Refresher.NONE));
            case "forbidden" -> Planner.plan(request(clusterConfig("v1.26.9", "core").build(), recordedCluster("v1.27.3").build(), PlanOptions.DEFAULT, Refresher.NONE));
            case "collections" -> Planner.plan(request(
                    TestConfig.builder()
                            .resource("node.a", Map.of(
                                    "address", Value.string("10.0.0.5"),
                                    "roles", Value.list(Type.STRING, List.of(Value.string("worker"), Value.string("ingress"))),
                                    "labels", Value.map(Type.STRING, Map.of("team", Value.string("core")))))
                            .build(),
                    TestStates.builder()
                            .instance(TestTypes.NODE, "node.a", Map.of(
                                    "address", Value.string("10.0.0.5"),
                                    "hostname", Value.string("a"),
                                    "roles", Value.list(Type.STRING, List.of(Value.string("etcd"), Value.string("worker"))),
                                    "labels", Value.map(Type.STRING, Map.of("team", Value.string("core"), "zone", Value.string("a")))))
                            .build(),
                    PlanOptions.DEFAULT, Refresher.NONE));
            default -> throw new IllegalArgumentException("no scenario " + name);
        };
    }

    public static PlanRequest request(dev.kiln.lang.config.Config config, State state, PlanOptions options, Refresher refresher)
    {
        return new PlanRequest(config, state, TestTypes.ALL, options, refresher);
    }

    /** {@code node.w[i]} for each address, roles worker, team core. */
    public static TestConfig nodes(String... addresses)
    {
        TestConfig config = TestConfig.builder();
        for (int index = 0; index < addresses.length; index++) {
            config.resource("node.w[" + index + "]", node(addresses[index], "core"));
        }
        return config;
    }

    /** Two worker nodes (the second with team {@code secondTeam}) and a cluster over them. */
    public static TestConfig clusterConfig(String version, String secondTeam)
    {
        return TestConfig.builder()
                .resource("node.w[0]", node("10.0.0.10", "core"))
                .resource("node.w[1]", node("10.0.0.11", secondTeam))
                .resource("cluster.prod", cluster(version), Map.of("network", Map.of("pod_cidr", Value.string("10.244.0.0/16"))), List.of("node.w[*]"), List.of())
                .output("endpoint", Value.unknown(Type.STRING), false)
                .output("kubeconfig", Value.unknown(Type.STRING), true)
                .variable("region", Value.string("eu-1"), false);
    }

    public static Map<String, Value> node(String address, String team)
    {
        return Map.of(
                "address", Value.string(address),
                "roles", Value.list(Type.STRING, List.of(Value.string("worker"))),
                "labels", Value.map(Type.STRING, Map.of("team", Value.string(team))));
    }

    static Map<String, Value> cluster(String version)
    {
        return Map.of(
                "kubernetes_version", Value.string(version),
                "nodes", Value.list(Type.STRING, List.of(Value.string("10.0.0.10"), Value.string("10.0.0.11"))),
                "control_plane_count", Value.number(1));
    }

    static Map<String, Value> recordedNode(String address, String team, String hostname)
    {
        Map<String, Value> node = new LinkedHashMap<>(node(address, team));
        node.put("hostname", Value.string(hostname));
        return node;
    }

    public static Map<String, Value> withPassword(Map<String, Value> node, String password)
    {
        Map<String, Value> copy = new LinkedHashMap<>(node);
        copy.put("password", Value.string(password).withSensitive(true));
        return copy;
    }

    public static TestStates recordedNodes(int count)
    {
        TestStates state = TestStates.builder();
        for (int index = 0; index < count; index++) {
            state.instance(TestTypes.NODE, "node.w[" + index + "]", recordedNode("10.0.0." + (10 + index), "core", "w" + index));
        }
        return state;
    }

    static TestStates recordedCluster(String version)
    {
        Map<String, Value> cluster = new LinkedHashMap<>(cluster(version));
        cluster.put("endpoint", Value.string("https://10.0.0.2:6443"));
        cluster.put("kubeconfig", Value.string("apiVersion: v1\nkind: Config\n").withSensitive(true));
        cluster.put("network", Value.object(Map.of("pod_cidr", Value.string("10.244.0.0/16"), "service_cidr", Value.nullOf(Type.STRING))));
        return recordedNodes(2)
                .instance(TestTypes.CLUSTER, "cluster.prod", cluster, "node.w[0]", "node.w[1]")
                .output("endpoint", StateJson.object().textNode("https://10.0.0.2:6443"), false)
                .output("kubeconfig", StateJson.object().textNode("apiVersion: v1"), true);
    }
}
