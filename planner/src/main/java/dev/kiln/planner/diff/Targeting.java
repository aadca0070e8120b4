package dev.kiln.planner.diff;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.PlanMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which instances a plan considers. Without {@code -target}, all of them. With it, the
 * targets (a target without instance key means every instance of the resource) and
 * everything they depend on; in a destroy plan, the targets and everything that depends on
 * them. A targeted plan carries the {@link #warning()} that targeting is in effect.
 */
final class Targeting
{
    private Targeting() {}

    static Set<ResourceAddress> select(PlanGraph graph, PlanOptions options)
    {
        if (options.targets().isEmpty()) {
            return graph.addresses();
        }
        List<ResourceAddress> roots = new ArrayList<>();
        for (ResourceAddress target : options.targets()) {
            if (graph.contains(target)) {
                roots.add(target);
            }
            else if (target.key().equals(InstanceKey.NONE)) {
                graph.addresses().stream().filter(address -> address.withoutKey().equals(target)).forEach(roots::add);
            }
        }
        return options.mode() == PlanMode.DESTROY ? graph.withDependents(roots) : graph.withDependencies(roots);
    }

    static Diagnostic warning()
    {
        return new Diagnostic(
                Severity.WARNING,
                "Resource targeting is in effect",
                "This plan was made with -target, so it may not hold every change the configuration asks for. Use -target only for "
                        + "exceptional situations, such as recovering from a mistake, and run a plan without it afterwards.",
                Optional.empty(),
                Optional.empty());
    }
}
