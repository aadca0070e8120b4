package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static dev.kiln.lang.config.model.Scenario.cluster;
import static dev.kiln.lang.config.model.Scenario.controlPlane;
import static dev.kiln.lang.config.model.Scenario.node;
import static dev.kiln.lang.config.model.TestBlock.block;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.named;

/** Nodes, registries, backup points, providers and the kiln block. */
final class ResourceCases
{
    private ResourceCases() {}

    static Stream<Arguments> violations()
    {
        return Stream.of(
                named("two nodes at one address", () -> {
                    TestBlock first = node("a", "10.0.0.1");
                    TestBlock second = node("b", "10.0.0.1");
                    return Scenario.of(first, second).expect("Duplicate node address", second.rangeOf("address"));
                }),
                named("a node named like another's count instance", () -> {
                    Scenario counted = Scenario.of(node("w", "10.0.0.1").key(0), node("w", "10.0.0.2").key(1));
                    TestBlock clash = node("other", "10.0.0.9").set("node_name", "w-1");
                    return counted.with(clash)
                            .expect("Duplicate node name", clash.rangeOf("node_name"));
                }),
                named("a registry with neither endpoint nor managed", () -> {
                    TestBlock registry = block("registry", "mirror").strings("mirrors", "docker.io");
                    return Scenario.of(registry).expect("Missing registry source", registry.labelRange());
                }),
                named("a registry with both endpoint and managed", () -> {
                    TestBlock registry = block("registry", "mirror").set("endpoint", "registry.example:5000")
                            .block(block("managed").reference("node", "node.r"));
                    return Scenario.of(node("r", "10.0.0.7"), registry).expect("Conflicting registry source", registry.rangeOf("endpoint"));
                }),
                named("a backup point without a store", () -> {
                    TestBlock point = block("backup_point", "nowhere");
                    return Scenario.of(point).expect("Missing backup store", point.labelRange());
                }),
                named("a cluster registry reference to a backup point", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).reference("registry", "backup_point.minio");
                    return Scenario.of(node("m1", "10.0.0.1"), block("backup_point", "minio").block(block("fs").set("path", "/backups")), cluster)
                            .expect("Invalid registry reference", cluster.referenceRange("registry"));
                }),
                named("a misspelled node role", () -> {
                    TestBlock node = node("m1", "10.0.0.1").strings("roles", "control-plan");
                    return Scenario.of(node).expect("Unknown node role", node.rangeOf("roles"));
                }),
                named("an SSH port beyond 65535", () -> {
                    TestBlock ssh = block("ssh").set("port", 70000);
                    return Scenario.of(node("m1", "10.0.0.1").block(ssh)).expect("Invalid port", ssh.rangeOf("port"));
                }),
                named("a label key with two slashes", () -> {
                    TestBlock node = node("m1", "10.0.0.1").map("labels", java.util.Map.of("example.com/a/b", "x"));
                    return Scenario.of(node).expect("Invalid label key", node.rangeOf("labels"));
                }),
                named("a label value with a space", () -> {
                    TestBlock node = node("m1", "10.0.0.1").map("labels", java.util.Map.of("tier", "front end"));
                    return Scenario.of(node).expect("Invalid label value", node.rangeOf("labels"));
                }),
                named("a version constraint that is a word", () -> {
                    TestBlock kiln = block("kiln").set("required_version", "latest");
                    return Scenario.of().kiln(kiln).expect("Invalid version constraint", kiln.rangeOf("required_version"));
                }),
                named("no parallelism", () -> {
                    TestBlock kiln = block("kiln").set("parallelism", 0);
                    return Scenario.of().kiln(kiln).expect("Invalid parallelism", kiln.rangeOf("parallelism"));
                }),
                named("a fractional parallelism", () -> {
                    TestBlock kiln = block("kiln").set("parallelism", dev.kiln.lang.value.Value.number(new java.math.BigDecimal("2.5")));
                    return Scenario.of().kiln(kiln).expect("Whole number required", kiln.rangeOf("parallelism"));
                }),
                named("an S3 state without a bucket", () -> {
                    TestBlock state = block("state", "s3").set("key", "prod/kiln.state.json");
                    return Scenario.of().kiln(block("kiln").block(state)).expect("Missing required argument", state.labelRange());
                }),
                named("a local state with an S3 argument", () -> {
                    TestBlock state = block("state", "local").set("bucket", "kiln");
                    return Scenario.of().kiln(block("kiln").block(state)).expect("Unsupported argument", state.rangeOf("bucket"));
                }),
                named("a state backend Kiln does not have", () -> {
                    TestBlock state = block("state", "s4");
                    return Scenario.of().kiln(block("kiln").block(state)).expect("Unsupported state backend", state.labelRange());
                }),
                named("state encryption with two keys", () -> {
                    TestBlock encryption = block("encryption").set("passphrase", "correct horse").set("key_file", "state.key");
                    return Scenario.of().kiln(block("kiln").block(encryption)).expect("Missing or conflicting encryption key", encryption.rangeOf("key_file"));
                }),
                named("a failure rate above 1", () -> {
                    TestBlock sim = block("provider", "sim").set("failure_rate", 2);
                    return Scenario.of().provider(sim).expect("Invalid failure rate", sim.rangeOf("failure_rate"));
                }));
    }

    static Stream<Arguments> clean()
    {
        return Stream.of(
                named("count instances with derived names", () -> Scenario.of(node("w", "10.0.0.1").key(0), node("w", "10.0.0.2").key(1))),
                named("nodes with unknown addresses", () -> Scenario.of(block("node", "a").unknown("address"), block("node", "b").unknown("address"))),
                named("a managed registry and an S3 state", () -> Scenario.of(node("r", "10.0.0.7"), block("registry", "local")
                                .block(block("managed").reference("node", "node.r").set("port", 5001)))
                        .kiln(block("kiln").set("parallelism", 4).block(block("state", "s3")
                                .set("bucket", "kiln").set("key", "prod.json").set("endpoint", "http://127.0.0.1:9000").set("path_style", true)))),
                named("every provider type", () -> Scenario.of()
                        .provider(block("provider", "kubeadm"))
                        .provider(block("provider", "capi").set("alias", "east").set("namespace", "clusters"))
                        .provider(block("provider", "sim").set("speed", 100).set("failure_rate", 0))));
    }
}
