package dev.kiln.providers.capi.render;

/** What a rendered object is for, in the order Kiln applies a cluster's objects. */
public enum ObjectRole
{
    /** A Secret the infrastructure or the control plane reads (credentials, an encryption config). */
    SECRET,
    /** The infrastructure provider's cluster object (DockerCluster, VSphereCluster, AWSManagedCluster, …). */
    INFRASTRUCTURE_CLUSTER,
    /** The infrastructure machine template the control plane's machines are made from. */
    CONTROL_PLANE_MACHINE_TEMPLATE,
    /** The KubeadmControlPlane, or AWSManagedControlPlane on EKS. */
    CONTROL_PLANE,
    /** The Cluster object that ties the others together. */
    CLUSTER,
    /** A worker pool's infrastructure machine template. */
    MACHINE_TEMPLATE,
    /** A worker pool's bootstrap config template (KubeadmConfigTemplate, EKSConfigTemplate on EKS). */
    BOOTSTRAP_CONFIG_TEMPLATE,
    /** A worker pool's MachineDeployment. */
    MACHINE_DEPLOYMENT
}
