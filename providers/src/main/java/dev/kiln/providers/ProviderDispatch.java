package dev.kiln.providers;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends each diff and refresh to the provider of its instance. An instance whose provider
 * this Kiln does not have gets an error saying so, at the instance's place in the
 * configuration; nothing pretends to plan it.
 */
final class ProviderDispatch
{
    static final String UNAVAILABLE_SUMMARY = "Provider not available";
    static final String NO_PROVIDER_SUMMARY = "No provider for resource";

    private final InstanceProviders instanceProviders;
    private final Function<String, Optional<Provider>> providers;

    ProviderDispatch(InstanceProviders instanceProviders, Function<String, Optional<Provider>> providers)
    {
        this.instanceProviders = instanceProviders;
        this.providers = providers;
    }

    DiffRule diffRule(String type)
    {
        return request -> {
            String provider = instanceProviders.providerOf(request.address());
            Optional<DiffRule> rule = providers.apply(provider).flatMap(found -> found.diffRule(type));
            if (rule.isPresent()) {
                return rule.get().diff(request);
            }
            return new DiffResponse.NoOp(List.of(unavailable(request.address(), provider)));
        };
    }

    Refresher refresher()
    {
        return request -> {
            String provider = instanceProviders.providerOf(request.address());
            Optional<Provider> found = providers.apply(provider);
            if (found.isPresent()) {
                return found.get().refresher().read(request);
            }
            return new RefreshResponse(Optional.of(request.prior()), List.of(unavailable(request.address(), provider)));
        };
    }

    private Diagnostic unavailable(ResourceAddress address, String provider)
    {
        String summary = provider.isEmpty() ? NO_PROVIDER_SUMMARY : UNAVAILABLE_SUMMARY;
        String detail = detail(address, provider);
        return instanceProviders.range(address)
                .map(range -> Diagnostic.error(summary, detail, range))
                .orElseGet(() -> Diagnostic.errorWithoutSource(summary, detail));
    }

    private static String detail(ResourceAddress address, String provider)
    {
        if (provider.isEmpty()) {
            return address + " names no provider, and the configuration has no single provider block without an alias to use instead. "
                    + "Add provider = sim to the resource, or a provider \"sim\" {} block to the configuration.";
        }
        String type = provider.contains(".") ? provider.substring(0, provider.indexOf('.')) : provider;
        if (type.equals(ProviderType.SIM.label())) {
            return address + " uses provider " + provider + ", which the configuration does not define. "
                    + "Add a provider \"sim\" block with alias = \"" + provider.substring(type.length() + 1) + "\", or use provider = sim.";
        }
        if (ProviderType.fromLabel(type).isEmpty()) {
            return address + " uses provider " + provider + ", which Kiln does not know. The provider types are kubeadm, capi and sim.";
        }
        return address + " uses the " + type + " provider, which arrives in a later version of Kiln. "
                + "This version makes clusters real only in the embedded simulator: use provider = sim to try the configuration there.";
    }
}
