# Highly available cluster on your own machines, installed with kubeadm over SSH.
#
# Shows: three control-plane nodes behind a virtual IP (VIP), workers created
# with count, an SSH key and passwords taken from sensitive variables, a
# registry mirror for docker.io and registry.k8s.io, Calico in VXLAN
# cross-subnet mode, and etcd snapshots every six hours to a MinIO bucket
# (S3 API, path-style addressing).
#
# The addresses are placeholders: copy test.kilnvars, fill in your hosts and
# secrets, and pass the file with -var-file. Never commit real secrets.
#
# Run from the repository root:
#   ./kiln -chdir=examples/kubeadm-ha validate -var-file=test.kilnvars
#   ./kiln -chdir=examples/kubeadm-ha plan -var-file=my.kilnvars

kiln {
  required_version = ">= 0.1.0"
  parallelism      = 10
}

provider "kubeadm" {}

locals {
  ssh_user = "kiln"

  # 192.168.10.11, .12, .13 for the control planes; workers from .21 on.
  control_plane_addresses = [for position in range(3) : cidrhost(var.node_cidr, 11 + position)]
}

node "control" {
  count   = 3
  address = local.control_plane_addresses[count.index]
  roles   = ["control-plane"]
  labels = {
    "topology.kubernetes.io/zone" = format("rack-%d", count.index + 1)
  }

  ssh {
    user        = local.ssh_user
    port        = 22
    private_key = var.ssh_private_key
    sudo        = true
  }
}

node "worker" {
  count   = var.worker_count
  address = cidrhost(var.node_cidr, 21 + count.index)
  roles   = ["worker"]
  labels = {
    "node-role.kubernetes.io/worker" = ""
  }

  ssh {
    user        = local.ssh_user
    port        = 22
    private_key = var.ssh_private_key
    sudo        = true
  }
}

registry "mirror" {
  endpoint = "https://${var.registry_host}"
  username = "kiln"
  password = var.registry_password
  mirrors  = ["docker.io", "registry.k8s.io", "quay.io"]
}

backup_point "minio" {
  s3 {
    endpoint   = var.minio_endpoint
    bucket     = "etcd-backups"
    region     = "us-east-1"
    access_key = var.minio_access_key
    secret_key = var.minio_secret_key
    path_style = true
  }
}

cluster "prod" {
  provider           = kubeadm
  kubernetes_version = var.kubernetes_version
  cert_sans          = [var.control_plane_vip, "kubernetes.prod.example.internal"]
  registry           = registry.mirror

  control_plane {
    nodes    = node.control[*]
    endpoint = "${var.control_plane_vip}:6443"
  }

  worker_pool "general" {
    nodes           = node.worker[*]
    max_unavailable = 1
    labels = {
      "kiln.dev/pool" = "general"
    }
  }

  network {
    pod_cidr     = "10.244.0.0/16"
    service_cidr = "10.96.0.0/12"
    dns_domain   = "cluster.local"
    ip_family    = "ipv4"

    cni "calico" {
      mode             = "overlay-vxlan-cross-subnet"
      mtu              = 1440
      ip_autodetection = "first-found"
    }
  }

  runtime {
    type     = "containerd"
    version  = "1.7.22"
    data_dir = "/var/lib/containerd"
  }

  etcd {
    data_dir = "/var/lib/etcd"
  }

  backup {
    point    = backup_point.minio
    schedule = "0 */6 * * *"
    keep     = 28
  }
}
