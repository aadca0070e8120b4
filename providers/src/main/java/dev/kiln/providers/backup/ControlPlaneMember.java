package dev.kiln.providers.backup;

import static java.util.Objects.requireNonNull;

/**
 * One stacked etcd member on a control-plane node: its member name (the node's name, as
 * kubeadm names it), the host it runs on, and the URLs it serves clients and peers on.
 */
public record ControlPlaneMember(String name, EtcdHost host, String clientUrl, String peerUrl)
{
    public ControlPlaneMember
    {
        requireNonNull(name, "name is null");
        requireNonNull(host, "host is null");
        requireNonNull(clientUrl, "clientUrl is null");
        requireNonNull(peerUrl, "peerUrl is null");
    }
}
