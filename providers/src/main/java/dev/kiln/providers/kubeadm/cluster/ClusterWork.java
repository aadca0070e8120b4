package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.providers.kubeadm.remote.HostConnector;
import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.steps.Installation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/** One action's work on a cluster: its spec, where binaries come from, and the hosts' shells, opened once each. */
public final class ClusterWork
{
    private final ClusterSpec cluster;
    private final Installation installation;
    private final HostConnector connector;
    private final ActionContext context;
    private final Map<String, Remote> remotes = new ConcurrentHashMap<>();

    public ClusterWork(Installation installation, HostConnector connector, ActionContext context)
    {
        this.installation = requireNonNull(installation, "installation is null");
        this.cluster = installation.cluster();
        this.connector = requireNonNull(connector, "connector is null");
        this.context = requireNonNull(context, "context is null");
    }

    public ClusterSpec cluster()
    {
        return cluster;
    }

    public Installation installation()
    {
        return installation;
    }

    public ActionContext context()
    {
        return context;
    }

    public Remote remote(NodeSpec node)
    {
        return remotes.computeIfAbsent(node.address(), ignored -> connector.open(node, context));
    }

    public void progress(String message)
    {
        context.progress(message);
    }
}
