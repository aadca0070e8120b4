/**
 * The domain rules of a Kiln configuration, each a small class run by
 * {@link dev.kiln.lang.config.model.rules.ModelRules} in a fixed order: control-plane quorum
 * with stacked etcd, group sizes (nodes or replicas), control-plane endpoints, Kubernetes
 * versions ({@link dev.kiln.lang.config.model.KubernetesVersions}), container runtimes,
 * networks (CIDRs, address families, overlaps, service network size, pod network capacity at
 * a /26 per node), Calico, storage classes, backups, node identity, roles, labels and taints,
 * node assignment to clusters, the global naming policy, provider fit, and the kiln and
 * provider settings. A rule checks known values only and skips unknown ones; every finding is
 * an error with a fixed summary, a detail that says what, why and how to fix it, and the
 * range of the argument at fault. Sensitive values never appear in a detail.
 */
package dev.kiln.lang.config.model.rules;
