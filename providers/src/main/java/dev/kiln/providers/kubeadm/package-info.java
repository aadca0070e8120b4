/**
 * The {@code kubeadm} provider: bare-metal clusters over SSH, agentless. Sub-packages by
 * concept: {@code spec} (resource values read as specs), {@code version} (releases, upgrade
 * chains, offline bundles), {@code render} (kubeadm configs, runtime configuration, kube-vip,
 * Calico, storage and registry manifests), {@code remote} (a node's shell over SSH),
 * {@code steps} (small re-entrant host steps), {@code cluster} (work on a cluster: bootstrap,
 * membership, upgrades, add-ons), {@code plan} (diff rules), {@code apply} (drivers) and
 * {@code refresh}.
 */
package dev.kiln.providers.kubeadm;
