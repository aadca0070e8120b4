package dev.kiln.providers.kubeadm.remote;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.providers.kubeadm.spec.NodeSpec;

/** Opens the shell of a node for one action: its commands stop when {@code context} is cancelled. */
@FunctionalInterface
public interface HostConnector
{
    Remote open(NodeSpec node, ActionContext context);
}
