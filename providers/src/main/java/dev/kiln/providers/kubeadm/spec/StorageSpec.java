package dev.kiln.providers.kubeadm.spec;

import java.util.List;

/** A storage class and its provisioner. */
public sealed interface StorageSpec
{
    String storageClass();

    boolean defaultClass();

    String reclaimPolicy();

    List<String> mountOptions();

    /** The NFS subdir provisioner on an existing export. */
    record Nfs(String storageClass, boolean defaultClass, String reclaimPolicy, List<String> mountOptions,
            String server, String path, boolean archiveOnDelete, int replicas)
            implements StorageSpec
    {
        public Nfs
        {
            mountOptions = List.copyOf(mountOptions);
        }
    }

    /** Ceph CSI (RBD); {@code key} is the Ceph client's key. */
    record Ceph(String storageClass, boolean defaultClass, String reclaimPolicy, List<String> mountOptions,
            List<String> monitors, String clusterId, String pool, String user, Secret key, String fsType)
            implements StorageSpec
    {
        public Ceph
        {
            mountOptions = List.copyOf(mountOptions);
            monitors = List.copyOf(monitors);
        }
    }
}
