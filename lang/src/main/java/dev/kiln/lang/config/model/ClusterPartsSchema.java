package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/** The nested blocks of a cluster beyond its machines: network, runtime, etcd, storage, backup, infrastructure, install. */
final class ClusterPartsSchema
{
    static final String DEFAULT_IP_FAMILY = "ipv4";
    static final String DEFAULT_POD_CIDR_V4 = "172.25.0.0/16";
    static final String DEFAULT_SERVICE_CIDR_V4 = "10.96.0.0/16";
    static final String DEFAULT_POD_CIDR_V6 = "fd00:10:244::/56";
    static final String DEFAULT_SERVICE_CIDR_V6 = "fd00:10:96::/112";
    static final String DEFAULT_DNS_DOMAIN = "cluster.local";
    static final String DEFAULT_CALICO_MODE = "overlay-ipip-all";
    static final int DEFAULT_CALICO_MTU = 1440;
    static final String DEFAULT_IP_AUTODETECTION = "first-found";
    static final String DEFAULT_RUNTIME = Runtime.CONTAINERD;
    static final String DEFAULT_ETCD_DATA_DIR = "/var/lib/etcd";
    static final String DEFAULT_ETCD_TYPE = Etcd.STACKED;
    static final String DEFAULT_RECLAIM_POLICY = "Delete";
    static final int DEFAULT_BACKUP_KEEP = 7;
    static final String DEFAULT_INSTALL_MODE = Install.ONLINE;
    static final String DEFAULT_BACKUP_SCHEDULE = "0 2 * * *";

    static final BlockSchema CNI = BlockSchema.builder("plugin")
            .attribute(optional("mode", Type.STRING, Value.string(DEFAULT_CALICO_MODE),
                    "Calico's networking mode: overlay-ipip-all, overlay-vxlan-all, bgp, overlay-ipip-cross-subnet or overlay-vxlan-cross-subnet."))
            .attribute(optional("mtu", Type.NUMBER, Value.number(DEFAULT_CALICO_MTU),
                    "The MTU of pod interfaces, from " + Network.Calico.MINIMUM_MTU + " to " + Network.Calico.MAXIMUM_MTU + "."))
            .attribute(optional("ip_autodetection", Type.STRING, Value.string(DEFAULT_IP_AUTODETECTION),
                    "How Calico picks each node's address: \"first-found\", \"kubernetes-internal-ip\", \"can-reach=DESTINATION\", \"interface=REGEX\", "
                            + "\"skip-interface=REGEX\" or \"cidr=CIDR,...\"."))
            .attribute(optional("version", Type.STRING, "The Calico version to install. Defaults to the one matching the Kubernetes version."))
            .build();

    static final BlockSchema NETWORK = BlockSchema.builder()
            .attribute(optional("ip_family", Type.STRING, Value.string(DEFAULT_IP_FAMILY), "\"ipv4\", \"ipv6\", or \"dual\" (dual stack)."))
            .attribute(optional("pod_cidr", Type.STRING,
                    "The pod network: one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma for dual stack. Defaults to "
                            + DEFAULT_POD_CIDR_V4 + " (IPv4) and " + DEFAULT_POD_CIDR_V6 + " (IPv6). Each node takes a /26 (IPv4) or /122 (IPv6) of it."))
            .attribute(optional("service_cidr", Type.STRING,
                    "The service network: one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma for dual stack. Defaults to "
                            + DEFAULT_SERVICE_CIDR_V4 + " (IPv4) and " + DEFAULT_SERVICE_CIDR_V6 + " (IPv6)."))
            .attribute(optional("dns_domain", Type.STRING, Value.string(DEFAULT_DNS_DOMAIN), "The cluster's DNS domain."))
            .block("cni", NestedBlockSchema.single(CNI, "The CNI plugin and its settings: cni \"calico\" {...}. Defaults to Calico."))
            .build();

    static final BlockSchema RUNTIME = BlockSchema.builder()
            .attribute(optional("type", Type.STRING, Value.string(DEFAULT_RUNTIME),
                    "\"containerd\", or \"docker\" (through kubelet's dockershim, so Kubernetes below v1.24 only)."))
            .attribute(optional("version", Type.STRING, "The runtime's version, such as \"1.7.13\". Defaults to the one matching the Kubernetes version."))
            .attribute(optional("data_dir", Type.STRING, "Where the runtime keeps images and containers. Defaults to /var/lib/containerd or /var/lib/docker."))
            .attribute(optional("insecure_registries", AttributeTypes.STRING_LIST,
                    "Registries (\"host:port\") the runtime reaches over plain HTTP or without verifying certificates."))
            .attribute(optional("registry_mirrors", AttributeTypes.STRING_LIST, "Mirror URLs the runtime tries before docker.io."))
            .build();

    static final BlockSchema ETCD = BlockSchema.builder()
            .attribute(optional("type", Type.STRING, Value.string(DEFAULT_ETCD_TYPE),
                    "\"stacked\": etcd runs on the control-plane nodes (their number must be odd); \"external\": an existing etcd cluster."))
            .attribute(optional("data_dir", Type.STRING, Value.string(DEFAULT_ETCD_DATA_DIR), "etcd's data directory on the control-plane nodes."))
            .attribute(optional("endpoints", AttributeTypes.STRING_LIST, "The client URLs of an external etcd cluster."))
            .attribute(optional("server_cert_sans", AttributeTypes.STRING_LIST, "Extra names and addresses in etcd's server certificate."))
            .build();

    static final BlockSchema STORAGE = BlockSchema.builder("driver")
            .attribute(optional("storage_class", Type.STRING,
                    "The storage class's name. Defaults to \"" + Storage.NFS_DEFAULT_CLASS + "\" (nfs) or \"" + Storage.CEPH_DEFAULT_CLASS + "\" (ceph)."))
            .attribute(optional("default_class", Type.BOOL, Value.bool(false), "Whether this is the cluster's default storage class (at most one)."))
            .attribute(optional("reclaim_policy", Type.STRING, Value.string(DEFAULT_RECLAIM_POLICY), "\"Delete\" or \"Retain\"."))
            .attribute(optional("mount_options", AttributeTypes.STRING_LIST, "Mount options of the volumes, such as [\"nfsvers=4.1\"]."))
            .attribute(optional("server", Type.STRING, "nfs: the NFS server's address. Required for nfs."))
            .attribute(optional("path", Type.STRING, "nfs: the exported directory. Required for nfs."))
            .attribute(optional("archive_on_delete", Type.BOOL, "nfs: keep a deleted volume's directory, renamed archived-*. Defaults to false."))
            .attribute(optional("replicas", Type.NUMBER, "nfs: replicas of the provisioner. Defaults to 1."))
            .attribute(optional("monitors", AttributeTypes.STRING_LIST, "ceph: the monitors' addresses. Required for ceph."))
            .attribute(optional("cluster_id", Type.STRING, "ceph: the Ceph cluster's fsid. Required for ceph."))
            .attribute(optional("pool", Type.STRING, "ceph: the RBD pool volumes are created in. Required for ceph."))
            .attribute(optional("user", Type.STRING, "ceph: the Ceph client user. Defaults to \"admin\"."))
            .attribute(optional("key", Type.STRING, "ceph: the Ceph client user's key. Required for ceph.").asSensitive())
            .attribute(optional("fs_type", Type.STRING, "ceph: the filesystem created on volumes. Defaults to \"ext4\"."))
            .build();

    static final BlockSchema BACKUP = BlockSchema.builder()
            .attribute(required("point", Type.DYNAMIC, "The backup point, as a reference: backup_point.minio."))
            .attribute(optional("schedule", Type.STRING, Value.string(DEFAULT_BACKUP_SCHEDULE),
                    "When backups run, as a Unix cron expression (minute hour day-of-month month day-of-week) or a nickname: @hourly, @daily, @weekly, @monthly, @yearly."))
            .attribute(optional("keep", Type.NUMBER, Value.number(DEFAULT_BACKUP_KEEP), "How many backups to keep; older ones are deleted. At least 1."))
            .attribute(optional("enabled", Type.BOOL, Value.bool(true), "Whether scheduled backups run."))
            .build();

    static final BlockSchema INFRASTRUCTURE = InfrastructureSchema.INFRASTRUCTURE;

    static final BlockSchema INSTALL = BlockSchema.builder()
            .attribute(optional("mode", Type.STRING, Value.string(DEFAULT_INSTALL_MODE),
                    "\"online\": packages and images come from the internet or the registries; \"offline\": from bundle."))
            .attribute(optional("bundle", Type.STRING, "offline: the offline package bundle (a .tar.gz path) copied to the nodes."))
            .attribute(optional("image_repository", Type.STRING, "Where Kubernetes images are pulled from, such as \"registry.example:5000/k8s\"."))
            .attribute(optional("chart_repository", Type.STRING, "The Helm chart repository add-ons are installed from (a URL)."))
            .build();

    private ClusterPartsSchema() {}
}
