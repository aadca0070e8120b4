package dev.kiln.cli;

import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code kiln render ADDR} renders: every capi cluster, the instances of
 * {@code cluster.NAME}, one {@code cluster.NAME[KEY]}, or one worker pool
 * {@code cluster.NAME.pool["POOL"]}; an address that is none of these is an error that
 * names it and says why.
 */
final class RenderTargets
{
    /** A cluster to render whole, or only its {@code pool}. */
    record Target(Cluster cluster, Optional<Cluster.WorkerPool> pool)
    {
        String title()
        {
            return pool.map(found -> cluster.address().child(ChildKind.WORKER_POOL, new InstanceKey.Key(found.name())).toString())
                    .orElse(cluster.address().toString());
        }
    }

    private RenderTargets() {}

    static List<Target> select(Model model, Optional<String> address, Diagnostics diagnostics)
    {
        if (address.isEmpty()) {
            return model.clusters().values().stream()
                    .filter(cluster -> cluster.providerType() == ProviderType.CAPI)
                    .map(cluster -> new Target(cluster, Optional.empty()))
                    .toList();
        }
        Optional<ResourceAddress> parsed = ResourceAddressParser.parse(address.get(), "kiln render", diagnostics);
        if (parsed.isEmpty()) {
            return List.of();
        }
        ResourceAddress target = parsed.get();
        if (target.type().equals(ChildKind.WORKER_POOL.type()) && target.parent().isPresent()) {
            return pool(model, target, diagnostics);
        }
        List<Cluster> matching = model.clusters().values().stream()
                .filter(cluster -> cluster.address().equals(target)
                        || (target.key() instanceof InstanceKey.None && cluster.address().withoutKey().equals(target)))
                .toList();
        if (matching.isEmpty()) {
            String what = target.type().equals("cluster") ? "The configuration has no cluster at " + target + "."
                    : target + " is not a cluster: kiln render prints the Cluster API objects of clusters and their worker pools.";
            diagnostics.add(Diagnostic.errorWithoutSource("No such cluster", what + DidYouMean.sentence(target.toString(), known(model))));
            return List.of();
        }
        return matching.stream()
                .filter(cluster -> isCapi(cluster, diagnostics))
                .map(cluster -> new Target(cluster, Optional.empty()))
                .toList();
    }

    private static List<Target> pool(Model model, ResourceAddress target, Diagnostics diagnostics)
    {
        ResourceAddress parent = target.parent().orElseThrow();
        Cluster cluster = model.clusters().get(parent);
        if (cluster == null) {
            diagnostics.add(Diagnostic.errorWithoutSource("No such cluster",
                    "The configuration has no cluster at " + parent + ", so it has no worker pool " + target + "."
                            + DidYouMean.sentence(parent.toString(), known(model))));
            return List.of();
        }
        String name = target.key() instanceof InstanceKey.Key key ? key.value() : target.key().toString();
        Optional<Cluster.WorkerPool> pool = cluster.workerPools().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        if (pool.isEmpty()) {
            List<String> pools = cluster.workerPools().stream().map(Cluster.WorkerPool::name).toList();
            diagnostics.add(Diagnostic.errorWithoutSource("No such worker pool",
                    parent + " has no worker pool \"" + name + "\"; its pools are " + (pools.isEmpty() ? "none" : String.join(", ", pools)) + "."
                            + DidYouMean.sentence(name, pools)));
            return List.of();
        }
        return isCapi(cluster, diagnostics) ? List.of(new Target(cluster, pool)) : List.of();
    }

    private static boolean isCapi(Cluster cluster, Diagnostics diagnostics)
    {
        if (cluster.providerType() == ProviderType.CAPI) {
            return true;
        }
        diagnostics.add(Diagnostic.error("Not a Cluster API cluster",
                cluster.address() + " uses the " + cluster.providerType().label() + " provider, so Kiln makes it without Cluster API "
                        + "objects. kiln render prints objects only for clusters with provider = capi.",
                cluster.nameRange()));
        return false;
    }

    private static List<String> known(Model model)
    {
        List<String> known = new ArrayList<>();
        model.clusters().keySet().stream()
                .flatMap(cluster -> Stream.of(cluster, cluster.withoutKey()))
                .map(ResourceAddress::toString)
                .distinct()
                .forEach(known::add);
        return known;
    }
}
