package dev.kiln.providers.capi.render;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Cluster API version Kiln renders the core objects in ({@code Cluster},
 * {@code KubeadmControlPlane}, {@code MachineDeployment}, {@code KubeadmConfigTemplate}, and
 * the docker provider's objects, which follow the core). {@code v1beta1} is what most
 * management clusters serve; {@code v1beta2} references objects by {@code apiGroup} and
 * has new field shapes (extra arguments as name/value lists, {@code rollout} blocks).
 */
public enum CapiApiVersion
{
    V1BETA1("v1beta1"),
    V1BETA2("v1beta2");

    public static final CapiApiVersion DEFAULT = V1BETA1;

    private final String label;

    CapiApiVersion(String label)
    {
        this.label = label;
    }

    /** {@code v1beta1} or {@code v1beta2}, as apiVersion strings end. */
    public String label()
    {
        return label;
    }

    public static Optional<CapiApiVersion> fromLabel(String label)
    {
        requireNonNull(label, "label is null");
        return Arrays.stream(values()).filter(version -> version.label.equals(label)).findFirst();
    }

    /**
     * The version to render for a management cluster whose {@code cluster.x-k8s.io} group
     * serves {@code servedVersions} (from discovery): v1beta2 when served, else v1beta1.
     */
    public static CapiApiVersion preferred(Collection<String> servedVersions)
    {
        requireNonNull(servedVersions, "servedVersions is null");
        return servedVersions.contains(V1BETA2.label) ? V1BETA2 : V1BETA1;
    }

    @Override
    public String toString()
    {
        return label;
    }
}
