package dev.kiln.providers;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.planner.graph.ChildInstances;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends each diff and refresh to the provider its request names (the planner decides which
 * provider an instance uses). An instance whose provider this Kiln does not have, or whose
 * provider does not manage its type, gets an error saying so, at the place its configuration
 * names the provider (else at its block's type); nothing pretends to plan it.
 */
final class ProviderDispatch
{
    static final String UNAVAILABLE_SUMMARY = "Provider not available";
    static final String NO_PROVIDER_SUMMARY = "No provider for resource";
    static final String UNSUPPORTED_SUMMARY = "Resource type not supported by provider";

    private final Map<ResourceAddress, SourceRange> ranges = new HashMap<>();
    private final Function<String, Optional<Provider>> providers;

    ProviderDispatch(Config config, Function<String, Optional<Provider>> providers)
    {
        config.resources().forEach(instance -> ranges.put(instance.address(), instance.providerRange().orElse(instance.block().typeRange())));
        ChildInstances.of(config).forEach(child -> ranges.put(child.address(), child.block().typeRange()));
        this.providers = providers;
    }

    DiffRule diffRule(String type)
    {
        return request -> {
            Optional<Provider> provider = providers.apply(request.provider());
            Optional<DiffRule> rule = provider.flatMap(found -> found.diffRule(type));
            if (rule.isPresent()) {
                return rule.get().diff(request);
            }
            return new DiffResponse.NoOp(List.of(provider.isPresent() ? unsupported(request.address(), request.provider(), type) : unavailable(request.address(), request.provider())));
        };
    }

    Refresher refresher()
    {
        return request -> {
            Optional<Provider> found = providers.apply(request.provider());
            if (found.isPresent()) {
                return found.get().refresher().read(request);
            }
            return new RefreshResponse(Optional.of(request.prior()), List.of(unavailable(request.address(), request.provider())));
        };
    }

    private Diagnostic unavailable(ResourceAddress address, String provider)
    {
        return located(address, provider.isEmpty() ? NO_PROVIDER_SUMMARY : UNAVAILABLE_SUMMARY, detail(address, provider));
    }

    private Diagnostic located(ResourceAddress address, String summary, String detail)
    {
        return Optional.ofNullable(ranges.get(address))
                .map(range -> Diagnostic.error(summary, detail, range))
                .orElseGet(() -> Diagnostic.errorWithoutSource(summary, detail));
    }

    private Diagnostic unsupported(ResourceAddress address, String provider, String type)
    {
        String detail = address + " is a " + type + ", which provider " + provider + " does not manage. Use a provider that does, such as sim or kubeadm.";
        return Optional.ofNullable(ranges.get(address))
                .map(range -> Diagnostic.error(UNSUPPORTED_SUMMARY, detail, range))
                .orElseGet(() -> Diagnostic.errorWithoutSource(UNSUPPORTED_SUMMARY, detail));
    }

    private static String detail(ResourceAddress address, String provider)
    {
        if (provider.isEmpty()) {
            return address + " names no provider, and the configuration has no single provider block without an alias to use instead. "
                    + "Add provider = sim to the resource, or a provider \"sim\" {} block to the configuration.";
        }
        String type = provider.contains(".") ? provider.substring(0, provider.indexOf('.')) : provider;
        if (ProviderType.fromLabel(type).isEmpty()) {
            return address + " uses provider " + provider + ", which Kiln does not know. The provider types are kubeadm, capi and sim.";
        }
        if (!provider.contains(".")) {
            return address + " uses the " + type + " provider, which the configuration does not define. Add a provider \"" + type + "\" {} block.";
        }
        return address + " uses provider " + provider + ", which the configuration does not define. "
                + "Add a provider \"" + type + "\" block with alias = \"" + provider.substring(type.length() + 1) + "\", or use provider = " + type + ".";
    }
}
