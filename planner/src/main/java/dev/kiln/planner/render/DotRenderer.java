package dev.kiln.planner.render;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A plan graph in Graphviz DOT, for {@code kiln graph}: one box per instance (labeled with
 * its planned action's symbol when a plan is given), one arrow per ordering edge, from the
 * action that runs first. Ordered by address, so the output is stable.
 */
public final class DotRenderer
{
    private DotRenderer() {}

    public static String render(PlanGraph graph, Optional<Plan> plan)
    {
        requireNonNull(graph, "graph is null");
        requireNonNull(plan, "plan is null");
        Map<ResourceAddress, ResourceChange> changes = new HashMap<>();
        plan.ifPresent(found -> found.changes().forEach(change -> changes.put(change.address(), change)));
        StringBuilder dot = new StringBuilder();
        dot.append("digraph kiln {\n");
        dot.append("  rankdir = \"LR\";\n");
        dot.append("  node [shape = \"box\"];\n");
        for (ResourceAddress address : graph.addresses()) {
            ResourceChange change = changes.get(address);
            String label = change == null || !change.action().isChange() ? address.toString() : change.action().symbol() + " " + address;
            dot.append("  ").append(quote(address.toString())).append(" [label = ").append(quote(label)).append("];\n");
        }
        for (ResourceAddress address : graph.addresses()) {
            for (ResourceAddress successor : graph.successors(address)) {
                dot.append("  ").append(quote(address.toString())).append(" -> ").append(quote(successor.toString())).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    private static String quote(String text)
    {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
