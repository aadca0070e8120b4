package dev.kiln.providers.kubeadm.plan;

import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.providers.kubeadm.spec.Values;

import java.util.ArrayList;
import java.util.List;

/** Plans a node: the standard comparison (a new address or node name replaces it), with the host work each change takes. */
public final class NodeRule
        implements DiffRule
{
    @Override
    public DiffResponse diff(DiffRequest request)
    {
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        String host = request.desired().or(request::prior).flatMap(value -> Values.string(value, "address")).orElse("(known after apply)");
        List<String> prepare = List.of("gather facts from " + host + ", turn swap off, load overlay and br_netfilter, enable forwarding, run the preflight checks");
        List<String> reset = List.of("reset " + host + ": kubeadm reset, CNI state, iptables and IPVS rules, leftover mounts, data directories");
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden forbidden -> forbidden;
            case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), prepare, create.diagnostics());
            case DiffResponse.Update update -> new DiffResponse.Update(update.planned(), List.of("update the node's settings; its cluster applies labels and taints"),
                    update.diagnostics());
            case DiffResponse.Replace replace -> {
                List<String> steps = new ArrayList<>(reset);
                steps.addAll(prepare);
                yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
            }
            case DiffResponse.Delete delete -> new DiffResponse.Delete(reset, delete.diagnostics());
        };
    }
}
