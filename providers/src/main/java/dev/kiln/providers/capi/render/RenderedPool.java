package dev.kiln.providers.capi.render;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A worker pool's objects: its infrastructure machine template and bootstrap config template
 * (both named with a content hash), and the MachineDeployment that points at them.
 */
public record RenderedPool(String pool, RenderedObject machineTemplate, RenderedObject bootstrapTemplate, RenderedObject machineDeployment)
{
    public RenderedPool
    {
        requireNonNull(pool, "pool is null");
        requireNonNull(machineTemplate, "machineTemplate is null");
        requireNonNull(bootstrapTemplate, "bootstrapTemplate is null");
        requireNonNull(machineDeployment, "machineDeployment is null");
    }

    /** The templates first, then the MachineDeployment: the order to apply them in. */
    public List<RenderedObject> objects()
    {
        return List.of(machineTemplate, bootstrapTemplate, machineDeployment);
    }
}
