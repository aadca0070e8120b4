package dev.kiln.lang.config.model;

import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The kinds of provider: the label of a {@code provider} block. */
public enum ProviderType
{
    KUBEADM("kubeadm"),
    CAPI("capi"),
    SIM("sim");

    private final String label;

    ProviderType(String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }

    public static Optional<ProviderType> fromLabel(String label)
    {
        requireNonNull(label, "label is null");
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }

    /** Whether clusters of this provider may give {@code replicas} (machines the provider creates) instead of nodes. */
    public boolean createsMachines()
    {
        return this != KUBEADM;
    }
}
