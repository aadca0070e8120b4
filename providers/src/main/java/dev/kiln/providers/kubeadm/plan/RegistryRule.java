package dev.kiln.providers.kubeadm.plan;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.providers.kubeadm.spec.NodeNames;
import dev.kiln.providers.kubeadm.spec.RegistrySpec;
import dev.kiln.providers.kubeadm.spec.Values;

import java.util.List;
import java.util.Optional;

/** Plans a registry: its address is known from the endpoint or the managed node; a managed one is installed as a service. */
public final class RegistryRule
        implements DiffRule
{
    private final NodeNames names;

    public RegistryRule(NodeNames names)
    {
        this.names = names;
    }

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        Optional<RegistrySpec> registry = request.desired().flatMap(value -> RegistrySpec.of(value, names));
        List<String> install = registry.flatMap(RegistrySpec::managed)
                .map(managed -> List.of("run docker-registry on " + managed.node().shown() + " port " + managed.port() + ", images in " + managed.storageDirectory()))
                .orElse(List.of("record the registry; clusters using it write their runtime's mirror configuration"));
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden forbidden -> forbidden;
            case DiffResponse.Create create -> new DiffResponse.Create(withAddress(create.planned(), registry), install, create.diagnostics());
            case DiffResponse.Update update -> new DiffResponse.Update(withAddress(update.planned(), registry), install, update.diagnostics());
            case DiffResponse.Replace replace -> new DiffResponse.Replace(withAddress(replace.planned(), registry), replace.forcedBy(), install, replace.diagnostics());
            case DiffResponse.Delete delete -> new DiffResponse.Delete(List.of("stop and remove the registry if Kiln runs it"), delete.diagnostics());
        };
    }

    private static Value withAddress(Value planned, Optional<RegistrySpec> registry)
    {
        return registry.map(found -> Values.with(planned, "address", Value.string(found.address()))).orElse(planned);
    }
}
