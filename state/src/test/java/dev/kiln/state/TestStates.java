package dev.kiln.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/** States used across the state module's tests, built in code so golden files can be regenerated. */
public final class TestStates
{
    public static final UUID LINEAGE = UUID.fromString("3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13");
    public static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-11-21T10:05:30.250Z");

    private TestStates() {}

    public static State empty()
    {
        return new State("0.1.0", LINEAGE, 0, new TreeMap<>(), new TreeMap<>());
    }

    /** Every field set: keys of both kinds, sensitive paths, dependencies, a tainted and a reconciling instance, outputs. */
    public static State full()
    {
        ObjectNode cluster = StateJson.object();
        cluster.put("version", "1.29.4");
        cluster.put("endpoint", "https://10.0.0.10:6443");
        cluster.put("admin_token", "s3cr3t-token");
        cluster.putObject("labels").put("team", "platform").put("env", "prod");
        cluster.put("load", new BigDecimal("0.750"));
        cluster.putArray("members").addObject().put("name", "cp-0").put("key", "member-key");
        ObjectNode pool = StateJson.object();
        pool.put("replicas", 3);
        pool.put("max_unavailable", 1);
        pool.putNull("taints");
        State state = empty().withSerial(7).toBuilder()
                .putResource(new ResourceInstance(ResourceAddress.of("cluster", "prod"), "capi.east", cluster,
                        List.of(AttributePath.attribute("admin_token"),
                                AttributePath.of(new PathStep.Attribute("members"), new PathStep.Index(0), new PathStep.Attribute("key")),
                                AttributePath.of(new PathStep.Attribute("labels"), new PathStep.Key("team"))),
                        List.of(ResourceAddress.of("node", "m1")), InstanceStatus.READY, false, CREATED, UPDATED))
                .putResource(new ResourceInstance(new ResourceAddress("pool", "workers", new InstanceKey.Key("zone \"a\"")), "sim", pool,
                        List.of(), List.of(ResourceAddress.of("cluster", "prod")), InstanceStatus.TAINTED, false, CREATED, CREATED))
                .putResource(new ResourceInstance(new ResourceAddress("node", "w", new InstanceKey.Index(10)), "sim", node("10.0.0.30"),
                        List.of(), List.of(), InstanceStatus.READY, true, CREATED, UPDATED))
                .putResource(new ResourceInstance(new ResourceAddress("node", "w", new InstanceKey.Index(2)), "sim", node("10.0.0.22"),
                        List.of(), List.of(), InstanceStatus.READY, false, CREATED, CREATED))
                .putResource(ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim", node("10.0.0.10"), CREATED))
                .putOutput("endpoint", new OutputValue(StateJson.object().textNode("https://10.0.0.10:6443"), false))
                .putOutput("kubeconfig", new OutputValue(StateJson.object().textNode("apiVersion: v1"), true))
                .putOutput("node_addresses", new OutputValue(StateJson.array().add("10.0.0.10").add("10.0.0.22"), false))
                .build();
        return state;
    }

    public static JsonNode node(String address)
    {
        ObjectNode node = StateJson.object();
        node.put("address", address);
        node.put("cpus", 4);
        node.putArray("roles");
        return node;
    }
}
