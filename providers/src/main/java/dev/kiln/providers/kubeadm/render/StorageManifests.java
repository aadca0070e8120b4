package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.StorageSpec;

import java.util.Locale;

/**
 * Storage classes and their provisioners as manifests: the NFS subdir external provisioner,
 * or Ceph CSI's RBD provisioner with its configuration and the client's secret. A Ceph
 * manifest holds the client key: it is written to hosts through standard input and applied
 * from a file only root can read, never printed.
 */
public final class StorageManifests
{
    public static final String NFS_IMAGE = "registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2";
    public static final String CEPH_CSI_IMAGE = "quay.io/cephcsi/cephcsi:v3.12.2";
    public static final String CSI_PROVISIONER_IMAGE = "registry.k8s.io/sig-storage/csi-provisioner:v5.0.1";

    private StorageManifests() {}

    public static String render(StorageSpec storage)
    {
        return switch (storage) {
            case StorageSpec.Nfs nfs -> nfs(nfs);
            case StorageSpec.Ceph ceph -> ceph(ceph);
        };
    }

    /** A name for the storage's manifest file: {@code nfs-nfs-sc}, {@code ceph-ceph-rbd}. */
    public static String name(StorageSpec storage)
    {
        String driver = switch (storage) {
            case StorageSpec.Nfs ignored -> "nfs";
            case StorageSpec.Ceph ignored -> "ceph";
        };
        return driver + "-" + storage.storageClass().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    static String nfs(StorageSpec.Nfs nfs)
    {
        String namespace = "kiln-nfs-" + nfs.storageClass().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String provisioner = "kiln.dev/nfs-" + nfs.storageClass();
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: nfs-client-provisioner
                  namespace: %1$s
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: %1$s-runner
                rules:
                - {apiGroups: [""], resources: ["nodes"], verbs: ["get", "list", "watch"]}
                - {apiGroups: [""], resources: ["persistentvolumes"], verbs: ["get", "list", "watch", "create", "delete"]}
                - {apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["get", "list", "watch", "update"]}
                - {apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: ["get", "list", "watch"]}
                - {apiGroups: [""], resources: ["events"], verbs: ["create", "update", "patch"]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: %1$s-runner
                subjects:
                - {kind: ServiceAccount, name: nfs-client-provisioner, namespace: %1$s}
                roleRef: {kind: ClusterRole, name: %1$s-runner, apiGroup: rbac.authorization.k8s.io}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: leader-locking-nfs-client-provisioner
                  namespace: %1$s
                rules:
                - {apiGroups: [""], resources: ["endpoints"], verbs: ["get", "list", "watch", "create", "update", "patch"]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: leader-locking-nfs-client-provisioner
                  namespace: %1$s
                subjects:
                - {kind: ServiceAccount, name: nfs-client-provisioner, namespace: %1$s}
                roleRef: {kind: Role, name: leader-locking-nfs-client-provisioner, apiGroup: rbac.authorization.k8s.io}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: nfs-client-provisioner
                  namespace: %1$s
                spec:
                  replicas: %2$d
                  strategy: {type: Recreate}
                  selector:
                    matchLabels: {app: nfs-client-provisioner}
                  template:
                    metadata:
                      labels: {app: nfs-client-provisioner}
                    spec:
                      serviceAccountName: nfs-client-provisioner
                      containers:
                      - name: nfs-client-provisioner
                        image: %3$s
                        volumeMounts:
                        - {name: nfs-client-root, mountPath: /persistentvolumes}
                        env:
                        - {name: PROVISIONER_NAME, value: %4$s}
                        - {name: NFS_SERVER, value: %5$s}
                        - {name: NFS_PATH, value: %6$s}
                      volumes:
                      - name: nfs-client-root
                        nfs: {server: %5$s, path: %6$s}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: %7$s
                  annotations:
                    storageclass.kubernetes.io/is-default-class: %8$s
                provisioner: %4$s
                reclaimPolicy: %9$s
                mountOptions: %10$s
                parameters:
                  archiveOnDelete: %11$s
                """.formatted(namespace, nfs.replicas(), NFS_IMAGE, Yaml.quote(provisioner), Yaml.quote(nfs.server()), Yaml.quote(nfs.path()),
                Yaml.quote(nfs.storageClass()), Yaml.quote(String.valueOf(nfs.defaultClass())), nfs.reclaimPolicy(), Yaml.list(nfs.mountOptions()),
                Yaml.quote(String.valueOf(nfs.archiveOnDelete())));
    }

    static String ceph(StorageSpec.Ceph ceph)
    {
        String namespace = "kiln-ceph-csi";
        String monitors = ceph.monitors().stream().map(Yaml::quote).reduce((left, right) -> left + ", " + right).orElse("");
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ceph-csi-config
                  namespace: %1$s
                data:
                  config.json: |-
                    [{"clusterID": %2$s, "monitors": [%3$s]}]
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %4$s-secret
                  namespace: %1$s
                stringData:
                  userID: %5$s
                  userKey: %6$s
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: rbd-csi-provisioner
                  namespace: %1$s
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: csi-rbdplugin-provisioner
                  namespace: %1$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: csi-rbdplugin-provisioner}
                  template:
                    metadata:
                      labels: {app: csi-rbdplugin-provisioner}
                    spec:
                      serviceAccountName: rbd-csi-provisioner
                      containers:
                      - name: csi-provisioner
                        image: %7$s
                        args: ["--csi-address=$(ADDRESS)", "--leader-election=true", "--extra-create-metadata=true"]
                        env:
                        - {name: ADDRESS, value: unix:///csi/csi-provisioner.sock}
                      - name: csi-rbdplugin
                        image: %8$s
                        args: ["--type=rbd", "--controllerserver=true", "--endpoint=$(CSI_ENDPOINT)", "--drivername=rbd.csi.ceph.com"]
                        env:
                        - {name: CSI_ENDPOINT, value: unix:///csi/csi-provisioner.sock}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: %4$s
                  annotations:
                    storageclass.kubernetes.io/is-default-class: %9$s
                provisioner: rbd.csi.ceph.com
                reclaimPolicy: %10$s
                allowVolumeExpansion: true
                mountOptions: %11$s
                parameters:
                  clusterID: %2$s
                  pool: %12$s
                  imageFeatures: layering
                  csi.storage.k8s.io/fstype: %13$s
                  csi.storage.k8s.io/provisioner-secret-name: %4$s-secret
                  csi.storage.k8s.io/provisioner-secret-namespace: %1$s
                  csi.storage.k8s.io/controller-expand-secret-name: %4$s-secret
                  csi.storage.k8s.io/controller-expand-secret-namespace: %1$s
                  csi.storage.k8s.io/node-stage-secret-name: %4$s-secret
                  csi.storage.k8s.io/node-stage-secret-namespace: %1$s
                """.formatted(namespace, Yaml.quote(ceph.clusterId()), monitors, ceph.storageClass(), Yaml.quote(ceph.user()),
                Yaml.quote(ceph.key().reveal()), CSI_PROVISIONER_IMAGE, CEPH_CSI_IMAGE, Yaml.quote(String.valueOf(ceph.defaultClass())),
                ceph.reclaimPolicy(), Yaml.list(ceph.mountOptions()), Yaml.quote(ceph.pool()), Yaml.quote(ceph.fsType()));
    }
}
