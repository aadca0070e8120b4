package dev.kiln.planner.diff;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.Severity;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.PlanMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which instances a plan considers. Without {@code -target}, all of them. With it, the
 * targets (a target without instance key means every instance of the resource; a target
 * includes its child instances, so {@code cluster.prod} takes its worker pools along) and
 * everything they depend on; in a destroy plan, the targets and everything that depends on
 * them. A targeted plan carries the {@link #warning()} that targeting is in effect, and
 * {@link #unmatched} warns of addresses that match nothing.
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
        Set<ResourceAddress> parents = Set.copyOf(roots);
        graph.addresses().stream().filter(address -> !parents.contains(address) && livesIn(address, parents)).forEach(roots::add);
        return options.mode() == PlanMode.DESTROY ? graph.withDependents(roots) : graph.withDependencies(roots);
    }

    private static boolean livesIn(ResourceAddress address, Set<ResourceAddress> parents)
    {
        for (Optional<ResourceAddress> parent = address.parent(); parent.isPresent(); parent = parent.get().parent()) {
            if (parents.contains(parent.get())) {
                return true;
            }
        }
        return false;
    }

    /** The plan's warnings: that targeting is in effect (with {@code -target}), then {@link #unmatched}. */
    static List<Diagnostic> warnings(PlanGraph graph, PlanOptions options)
    {
        List<Diagnostic> warnings = new ArrayList<>();
        if (!options.targets().isEmpty()) {
            warnings.add(warning());
        }
        warnings.addAll(unmatched(graph, options));
        return List.copyOf(warnings);
    }

    /**
     * A warning for every {@code -target} and {@code -replace} address that matches no
     * instance of the configuration or state (they would otherwise be ignored silently). As
     * in Terraform, a {@code -replace} without instance key on a resource with {@code count}
     * or {@code for_each} matches nothing, and the warning lists the instance addresses.
     */
    static List<Diagnostic> unmatched(PlanGraph graph, PlanOptions options)
    {
        List<Diagnostic> warnings = new ArrayList<>();
        for (ResourceAddress target : options.targets()) {
            if (!graph.contains(target) && !(target.key().equals(InstanceKey.NONE) && !instancesOf(graph, target).isEmpty())) {
                warnings.add(notFound("Resource target not found", "-target", target, graph,
                        "so the plan selects nothing for it. Check the address for a typo"));
            }
        }
        for (ResourceAddress replace : options.replace()) {
            if (graph.contains(replace)) {
                continue;
            }
            List<ResourceAddress> instances = replace.key().equals(InstanceKey.NONE) ? instancesOf(graph, replace) : List.of();
            warnings.add(instances.isEmpty()
                    ? notFound("Replace target not found", "-replace", replace, graph, "so nothing is replaced for it. Check the address for a typo")
                    : incompleteReplace(replace, instances));
        }
        return warnings;
    }

    private static List<ResourceAddress> instancesOf(PlanGraph graph, ResourceAddress resource)
    {
        return graph.addresses().stream().filter(address -> address.withoutKey().equals(resource)).toList();
    }

    private static Diagnostic notFound(String summary, String option, ResourceAddress address, PlanGraph graph, String consequence)
    {
        Set<String> candidates = new TreeSet<>();
        graph.addresses().forEach(instance -> {
            candidates.add(instance.toString());
            candidates.add(instance.withoutKey().toString());
        });
        return new Diagnostic(
                Severity.WARNING,
                summary,
                "The " + option + " address " + address + " matches no resource instance in the configuration or the state, " + consequence + "."
                        + DidYouMean.sentence(address.toString(), candidates),
                Optional.empty(),
                Optional.empty());
    }

    private static Diagnostic incompleteReplace(ResourceAddress replace, List<ResourceAddress> instances)
    {
        String options = instances.stream().map(instance -> "\n  -replace=\"" + instance + "\"").collect(Collectors.joining());
        return new Diagnostic(
                Severity.WARNING,
                "Incompletely-matched force-replace resource instance",
                "The -replace address " + replace + " matches no resource instance because it lacks an instance key, and the resource has "
                        + (instances.size() == 1 ? "one instance" : instances.size() + " instances")
                        + ". To replace particular instances, use " + (instances.size() == 1 ? "this option" : "one or more of these options")
                        + " instead:" + options,
                Optional.empty(),
                Optional.empty());
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
