package dev.kiln.planner;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.AttributePath;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/**
 * Small resource types for planner tests: a {@code node} whose address forces replacement,
 * and a {@code cluster} that refuses downgrades and a control plane below one member and
 * upgrades one minor version at a time, each a visible step.
 */
public final class TestTypes
{
    public static final BlockSchema NODE_SCHEMA = BlockSchema.builder("name")
            .attribute(required("address", Type.STRING, "Address."))
            .attribute(optional("labels", new Type.MapType(Type.STRING), "Labels."))
            .attribute(optional("roles", new Type.ListType(Type.STRING), "Roles."))
            .attribute(optional("password", Type.STRING, "Password.").asSensitive())
            .attribute(computed("hostname", Type.STRING, "Host name."))
            .build();

    public static final BlockSchema NETWORK_SCHEMA = BlockSchema.builder()
            .attribute(optional("pod_cidr", Type.STRING, "Pod CIDR."))
            .attribute(optional("service_cidr", Type.STRING, "Service CIDR."))
            .build();

    public static final BlockSchema CLUSTER_SCHEMA = BlockSchema.builder("name")
            .attribute(required("kubernetes_version", Type.STRING, "Version."))
            .attribute(optional("nodes", new Type.ListType(Type.STRING), "Node addresses."))
            .attribute(optional("control_plane_count", Type.NUMBER, "Control-plane members."))
            .attribute(computed("endpoint", Type.STRING, "Endpoint."))
            .attribute(computed("kubeconfig", Type.STRING, "Kubeconfig.").asSensitive())
            .block("network", NestedBlockSchema.single(NETWORK_SCHEMA, "Network."))
            .build();

    public static final ResourceType NODE = new ResourceType("node", ResourceSchema.of(NODE_SCHEMA, AttributePath.attribute("address")), StandardDiffRule.INSTANCE);
    public static final ResourceType CLUSTER = new ResourceType("cluster", ResourceSchema.of(CLUSTER_SCHEMA), TestTypes::clusterDiff);
    public static final ResourceTypes ALL = ResourceTypes.of(NODE, CLUSTER);

    private TestTypes() {}

    private static DiffResponse clusterDiff(DiffRequest request)
    {
        DiffResponse standard = StandardDiffRule.INSTANCE.diff(request);
        if (!(standard instanceof DiffResponse.Update update)) {
            return standard;
        }
        Optional<BigDecimal> members = number(request.desired().orElseThrow(), "control_plane_count");
        if (members.isPresent() && members.get().compareTo(BigDecimal.ONE) < 0) {
            return new DiffResponse.Forbidden("control plane can't shrink below 1", Optional.of(AttributePath.attribute("control_plane_count")), List.of());
        }
        int[] from = version(request.prior().orElseThrow());
        int[] to = version(request.desired().orElseThrow());
        if (to[0] < from[0] || (to[0] == from[0] && to[1] < from[1])) {
            return new DiffResponse.Forbidden("downgrades are not supported", Optional.of(AttributePath.attribute("kubernetes_version")), List.of());
        }
        List<String> steps = new ArrayList<>();
        for (int minor = from[0] + 1; minor < to[0]; minor++) {
            steps.add("upgrade control plane to v1." + minor);
        }
        if (to[0] != from[0] || to[1] != from[1]) {
            String target = ((Value.StringValue) attribute(request.desired().orElseThrow(), "kubernetes_version")).value();
            steps.add("upgrade control plane to " + target);
            steps.add("upgrade worker nodes to " + target);
        }
        return new DiffResponse.Update(update.planned(), steps, List.of());
    }

    /** The minor and patch numbers of {@code v1.MINOR.PATCH}. */
    private static int[] version(Value cluster)
    {
        String[] parts = ((Value.StringValue) attribute(cluster, "kubernetes_version")).value().substring(1).split("\\.");
        return new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private static Optional<BigDecimal> number(Value cluster, String name)
    {
        return attribute(cluster, name) instanceof Value.NumberValue number ? Optional.of(number.value()) : Optional.empty();
    }

    private static Value attribute(Value cluster, String name)
    {
        return ((Value.ObjectValue) cluster).attributes().get(name);
    }
}
