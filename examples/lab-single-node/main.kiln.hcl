# A one-machine lab: a single control plane that also runs workloads.
#
# Shows: one node reached with SSH password login (password from a sensitive
# variable), the control plane's taint removed so pods schedule on it, an
# image registry that Kiln runs on the same machine, containerd with its data
# on a second disk, Calico in IP-in-IP mode, and an NFS storage class as the
# default class.
#
# Run from the repository root:
#   ./kiln -chdir=examples/lab-single-node validate -var-file=test.kilnvars
#   KILN_VAR_ssh_password='…' ./kiln -chdir=examples/lab-single-node plan

kiln {
  required_version = ">= 0.1.0"
}

provider "kubeadm" {}

node "lab" {
  address = var.lab_address
  roles   = ["control-plane", "worker"]

  ssh {
    user     = "root"
    port     = 22
    password = var.ssh_password
  }
}

# A plain registry on the lab machine itself; the cluster pulls through it.
registry "local" {
  insecure = true
  mirrors  = ["docker.io", "registry.k8s.io"]

  managed {
    node        = node.lab
    port        = 5000
    storage_dir = "/data/registry"
  }
}

cluster "lab" {
  provider           = kubeadm
  kubernetes_version = var.kubernetes_version
  registry           = registry.local
  external_address   = var.lab_address

  control_plane {
    nodes = [node.lab]

    # No NoSchedule taint: with one machine, workloads run on the control plane.
    taints = []
  }

  network {
    pod_cidr     = "172.16.0.0/16"
    service_cidr = "172.17.0.0/16"

    cni "calico" {
      mode = "overlay-ipip-all"
      mtu  = 1440
    }
  }

  runtime {
    type     = "containerd"
    version  = "1.7.22"
    data_dir = "/data/containerd"
  }

  storage "nfs" {
    server            = var.nfs_server
    path              = "/export/kubernetes"
    storage_class     = "nfs-sc"
    reclaim_policy    = "Delete"
    archive_on_delete = true
    mount_options     = ["nfsvers=4.1", "hard"]
    default_class     = true
  }
}
