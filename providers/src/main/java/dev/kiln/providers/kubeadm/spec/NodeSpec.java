package dev.kiln.providers.kubeadm.spec;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A node as the kubeadm provider uses it: the address Kiln connects to (and the cluster uses),
 * its Kubernetes node name, how to reach it, and the labels and taints it carries.
 */
public record NodeSpec(String address, String nodeName, SshSpec ssh, SortedMap<String, String> labels, List<String> taints, Optional<String> region)
{
    public NodeSpec
    {
        requireNonNull(address, "address is null");
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(ssh, "ssh is null");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        taints = List.copyOf(taints);
        requireNonNull(region, "region is null");
    }

    /** The host as messages show it: {@code name (address)}. */
    public String shown()
    {
        return nodeName + " (" + address + ")";
    }
}
