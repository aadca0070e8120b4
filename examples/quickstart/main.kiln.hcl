# Quick start: one small cluster on Kiln's embedded simulator.
#
# The simulator is a pretend datacenter that lives under .kiln/ in this
# directory, so this example runs on any machine with a JDK and nothing else:
# no hosts, no cloud account, no SSH keys.
#
# Shows: a provider, variables with validation, locals, count, for_each,
# cidrhost/format, node references, one cluster with a control plane and a
# worker pool, and outputs.
#
# Run from the repository root:
#   ./kiln -chdir=examples/quickstart validate
#   ./kiln -chdir=examples/quickstart plan
#   ./kiln -chdir=examples/quickstart apply

kiln {
  required_version = ">= 0.1.0"
}

# Time in the simulator runs 100 times faster than real time, so a kubeadm
# init that takes two minutes on real hosts finishes in about a second.
provider "sim" {
  speed = 100
}

locals {
  common_labels = {
    "kiln.dev/example" = "quickstart"
  }

  # One address per worker name: w1 gets .100, w2 gets .101, and so on.
  workers = {
    for position, name in var.worker_names : name => cidrhost(var.node_cidr, 100 + position)
  }
}

node "control" {
  count   = var.control_plane_count
  address = cidrhost(var.node_cidr, 10 + count.index)
  roles   = ["control-plane"]
  labels  = local.common_labels
}

node "worker" {
  for_each = local.workers
  address  = each.value
  roles    = ["worker"]
  labels   = merge(local.common_labels, { "kiln.dev/worker" = each.key })
}

cluster "demo" {
  provider           = sim
  kubernetes_version = var.kubernetes_version

  control_plane {
    nodes = node.control[*]
  }

  worker_pool "default" {
    nodes           = values(node.worker)
    max_unavailable = 1
  }

  network {
    pod_cidr     = "10.244.0.0/16"
    service_cidr = "10.96.0.0/12"
  }
}
