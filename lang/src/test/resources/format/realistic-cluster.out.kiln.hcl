# Production cluster on bare metal, bootstrapped with kubeadm over SSH.

variable "worker_count" {
  type        = number
  default     = 3
  description = "How many workers to run."
}

provider "kubeadm" {}

node "m1" {
  address = "10.0.0.11"
  role    = "control-plane"
  ssh {
    user             = "root"
    private_key_path = "~/.ssh/id_ed25519"
    port             = 22
  }
}

node "w" {
  count   = var.worker_count
  address = "10.0.1.${count.index+10}"
  role    = "worker"
  labels = {
    "node.kubernetes.io/pool" = "default"
    zone                      = count.index % 2 == 0 ? "a" : "b"
  }
}

cluster "prod" {
  kubernetes_version = "v1.29.1"
  provider           = kubeadm
  control_plane { nodes = [node.m1] }
  workers {
    nodes = node.w[*]
  }
  network {
    pod_cidr     = "10.244.0.0/16"
    service_cidr = "10.96.0.0/12"
    cni          = "cilium"
  }
}

output "endpoint" {
  value = "https://${node.m1.address}:6443"
}
