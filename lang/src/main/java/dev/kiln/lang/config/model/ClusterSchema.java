package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/** {@code cluster "name" {...}}: a Kubernetes cluster, its control plane, worker pools and add-ons. */
final class ClusterSchema
{
    static final String DEFAULT_KUBEADM_CONFIG_FORMAT = "cloud-init";
    static final String DEFAULT_NAMING_POLICY = "none";
    static final String DEFAULT_ENDPOINT_TYPE = "vip";
    static final String DEFAULT_MAX_UNAVAILABLE = "0";
    static final String DEFAULT_MAX_SURGE = "1";

    static final BlockSchema MACHINE = BlockSchema.builder()
            .attribute(optional("template", Type.STRING, "The VM template or image to clone (vSphere template, OpenStack image, AWS AMI)."))
            .attribute(optional("instance_type", Type.STRING, "The instance type or flavor (AWS instance type, OpenStack flavor)."))
            .attribute(optional("cpus", Type.NUMBER, "Virtual CPUs per machine."))
            .attribute(optional("memory_mib", Type.NUMBER, "Memory per machine, in MiB."))
            .attribute(optional("disk_gib", Type.NUMBER, "Root disk size per machine, in GiB."))
            .attribute(optional("ssh_key_name", Type.STRING, "The name of the cloud's SSH key pair to install on the machines."))
            .attribute(optional("api_version", Type.STRING,
                    "infrastructure \"generic\": the machine template's apiVersion, such as \"infrastructure.cluster.x-k8s.io/v1beta1\". Give it with kind. "
                            + "Defaults to the infrastructure's api_version."))
            .attribute(optional("kind", Type.STRING,
                    "infrastructure \"generic\": the machine template's kind, such as \"Metal3MachineTemplate\". Give it with api_version. "
                            + "Defaults to the infrastructure's kind with Cluster replaced by MachineTemplate."))
            .attribute(optional("spec", Type.DYNAMIC,
                    "Extra fields merged into the infrastructure machine template's spec, for anything the arguments above do not cover."))
            .build();

    static final BlockSchema USER = BlockSchema.builder("name")
            .attribute(optional("gecos", Type.STRING, "The user's full name or comment (the GECOS field)."))
            .attribute(optional("groups", AttributeTypes.STRING_LIST, "Supplementary groups the user belongs to, such as [\"wheel\", \"docker\"]."))
            .attribute(optional("home_dir", Type.STRING, "The user's home directory, an absolute path. Defaults to /home/NAME."))
            .attribute(optional("shell", Type.STRING, "The user's login shell, an absolute path such as \"/bin/bash\"."))
            .attribute(optional("sudo", Type.STRING, "A sudoers rule for the user, such as \"ALL=(ALL) NOPASSWD:ALL\"."))
            .attribute(optional("passwd", Type.STRING,
                    "The user's password, hashed as crypt(3) writes it (\"$6$salt$hash\", from mkpasswd -m sha-512). Never shown.").asSensitive())
            .attribute(optional("lock_password", Type.BOOL,
                    "Whether password login is disabled. cloud-init locks passwords unless this is false, so set false to log in with passwd."))
            .attribute(optional("ssh_authorized_keys", AttributeTypes.STRING_LIST, "Public SSH keys that may log in as the user."))
            .build();

    static final BlockSchema CONTROL_PLANE = BlockSchema.builder()
            .attribute(optional("nodes", Type.DYNAMIC,
                    "The control-plane nodes, as references: [node.m1, node.m2, node.m3] or node.m[*]. Give nodes or replicas. An odd number with stacked etcd."))
            .attribute(optional("replicas", Type.NUMBER, "How many control-plane machines Cluster API creates. Cluster API and simulator clusters only."))
            .attribute(optional("endpoint", Type.STRING,
                    "The API server's stable address, \"host\" or \"host:port\": a virtual IP Kiln runs (endpoint_type \"vip\") or an existing load balancer."))
            .attribute(optional("endpoint_type", Type.STRING, Value.string(DEFAULT_ENDPOINT_TYPE),
                    "\"vip\": Kiln runs a virtual IP across the control planes (kube-vip); \"load_balancer\": endpoint is an existing load balancer."))
            .attribute(optional("labels", AttributeTypes.STRING_MAP, "Kubernetes labels set on every control-plane node."))
            .attribute(optional("taints", AttributeTypes.STRING_LIST,
                    "Taints on the control-plane nodes. Defaults to [\"node-role.kubernetes.io/control-plane:NoSchedule\"]; [] leaves them schedulable."))
            .block("machine", NestedBlockSchema.single(MACHINE, "The machines Cluster API creates for the control plane."))
            .block("user", NestedBlockSchema.labeled(USER, "An operating-system user Cluster API creates on every control-plane machine (kubeadmConfigSpec users)."))
            .build();

    static final BlockSchema WORKER_POOL = BlockSchema.builder("name")
            .attribute(optional("nodes", Type.DYNAMIC, "The pool's nodes, as references: [node.w1, node.w2] or node.w[*]. Give nodes or replicas."))
            .attribute(optional("replicas", Type.NUMBER, "How many machines Cluster API creates for the pool. Cluster API and simulator clusters only."))
            .attribute(optional("max_unavailable", Type.STRING, Value.string(DEFAULT_MAX_UNAVAILABLE),
                    "How many nodes may be unavailable during a rolling update: a number or a percentage (\"25%\")."))
            .attribute(optional("max_surge", Type.STRING, Value.string(DEFAULT_MAX_SURGE),
                    "How many extra machines a rolling update may create: a number or a percentage (\"25%\")."))
            .attribute(optional("labels", AttributeTypes.STRING_MAP, "Kubernetes labels set on the pool's nodes."))
            .attribute(optional("taints", AttributeTypes.STRING_LIST, "Taints set on the pool's nodes, as \"key=value:Effect\"."))
            .block("machine", NestedBlockSchema.single(MACHINE, "The machines Cluster API creates for the pool."))
            .block("user", NestedBlockSchema.labeled(USER, "An operating-system user Cluster API creates on every machine of the pool (KubeadmConfigTemplate users)."))
            .build();

    static final BlockSchema CLUSTER = BlockSchema.builder("name")
            .attribute(required("kubernetes_version", Type.STRING,
                    "The Kubernetes version, \"v1.MINOR.PATCH\", from " + KubernetesVersions.SUPPORTED_DESCRIPTION + "."))
            .attribute(optional("upgrade_path", AttributeTypes.STRING_LIST,
                    "The releases an upgrade passes through, ascending, one minor version per step, ending at kubernetes_version; without it, the newest patch of each minor on offer."))
            .attribute(optional("cert_sans", AttributeTypes.STRING_LIST, "Extra names and addresses in the API server's certificate."))
            .attribute(optional("external_address", Type.STRING, "An address from outside the cluster's network that reaches the API server (external access IP)."))
            .attribute(optional("worker_load_balancer", Type.STRING,
                    "The address of a load balancer in front of the workers' ingress (KubeClipper's worker load-balancer IP)."))
            .attribute(optional("registry", Type.DYNAMIC, "The registry the cluster pulls images through, as a reference: registry.mirror."))
            .attribute(optional("kubeadm_config_format", Type.STRING, Value.string(DEFAULT_KUBEADM_CONFIG_FORMAT),
                    "How Cluster API bootstraps machines: \"cloud-init\" or \"ignition\"."))
            .attribute(optional("encryption_provider_config", Type.STRING,
                    "An EncryptionConfiguration (YAML) for encrypting Secrets in etcd; passed to the API server.").asSensitive())
            .attribute(optional("naming_policy", Type.STRING, Value.string(DEFAULT_NAMING_POLICY),
                    "\"none\", or \"global\": the cluster must be named global and every object Kiln creates is prefixed \"global-\" (a global cluster)."))
            .attribute(optional("annotations", AttributeTypes.STRING_MAP,
                    "Annotations set on the cluster's objects (such as the Cluster object), for example a registry address for the platform."))
            .attribute(optional("labels", AttributeTypes.STRING_MAP, "Labels set on the cluster's objects."))
            .attribute(computed("endpoint", Type.STRING, "The API server's URL, https://host:port."))
            .attribute(computed("kubeconfig", Type.STRING, "An administrator kubeconfig for the cluster.").asSensitive())
            .attribute(computed("ca_certificate", Type.STRING, "The cluster CA's PEM certificate."))
            .attribute(computed("status", Type.STRING, "The cluster's state as last observed: provisioning, running, degraded or failed."))
            .attribute(computed("current_version", Type.STRING, "The Kubernetes version the control plane runs."))
            .block("control_plane", NestedBlockSchema.single(CONTROL_PLANE,
                    "The control plane: its nodes or replicas and its endpoint. On a Cluster API cluster with infrastructure \"aws\", an empty "
                            + "control_plane {} means EKS runs the control plane.").asRequired())
            .block("worker_pool", NestedBlockSchema.labeled(WORKER_POOL, "A named group of worker nodes updated together."))
            .block("network", NestedBlockSchema.single(ClusterPartsSchema.NETWORK, "Pod and service networks, DNS and the CNI plugin."))
            .block("runtime", NestedBlockSchema.single(ClusterPartsSchema.RUNTIME, "The container runtime. Defaults to containerd."))
            .block("etcd", NestedBlockSchema.single(ClusterPartsSchema.ETCD, "etcd's topology and data directory."))
            .block("storage", NestedBlockSchema.list(ClusterPartsSchema.STORAGE,
                    "A storage class backed by NFS (storage \"nfs\") or Ceph (storage \"ceph\"); any number, unique class names, at most one default."))
            .block("backup", NestedBlockSchema.single(ClusterPartsSchema.BACKUP, "Scheduled etcd backups to a backup point."))
            .block("infrastructure", NestedBlockSchema.single(ClusterPartsSchema.INFRASTRUCTURE,
                    "The Cluster API infrastructure: infrastructure \"docker\" | \"vsphere\" | \"openstack\" | \"aws\" | \"byoh\" | \"generic\" {...}."))
            .block("install", NestedBlockSchema.single(ClusterPartsSchema.INSTALL,
                    "Where packages, images and charts come from: online, or offline from a bundle."))
            .build();

    private ClusterSchema() {}
}
