package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Registry;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a cluster's objects need beyond its own block, resolved from the configuration: the
 * registry it pulls images through ({@code registry = registry.mirror}), whose endpoint
 * and mirrors become containerd registry host files on every machine.
 */
public record RenderInputs(Optional<Registry> registry)
{
    public static final RenderInputs NONE = new RenderInputs(Optional.empty());

    public RenderInputs
    {
        requireNonNull(registry, "registry is null");
    }

    /** The inputs of {@code cluster} as {@code model} resolves them. */
    public static RenderInputs of(Model model, Cluster cluster)
    {
        requireNonNull(model, "model is null");
        requireNonNull(cluster, "cluster is null");
        return new RenderInputs(cluster.registry().flatMap(reference -> Optional.ofNullable(model.registries().get(reference.target()))));
    }
}
