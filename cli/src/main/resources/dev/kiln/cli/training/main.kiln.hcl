# A small configuration that the launcher's training run validates and formats, so the
# class-data archive holds the classes a typical `kiln validate` and `kiln fmt` load.
variable "worker_count" {
  type        = number
  default     = 2
  description = "How many workers to create."
}

locals {
  prefix = "lab"
  labels = { team = "platform", env = upper("dev") }
}

provider "sim" {}

node "control" {
  address = "10.0.0.10"
  roles   = ["control-plane"]
  labels  = local.labels
}

node "worker" {
  count   = var.worker_count
  address = cidrhost("10.0.1.0/24", count.index + 10)
  roles   = ["worker"]
  labels  = merge(local.labels, { index = tostring(count.index) })
}

cluster "lab" {
  provider           = sim
  kubernetes_version = "v1.31.2"

  control_plane {
    nodes = [node.control]
  }

  worker_pool "default" {
    nodes = node.worker[*]
  }

  network {
    pod_cidr     = "10.244.0.0/16"
    service_cidr = "10.96.0.0/12"
  }
}

output "endpoint" {
  value = "${local.prefix}-${cluster.lab.endpoint}"
}
