# openFuyao's layout: a management cluster installed with kubeadm on
# bootstrap machines, then service clusters that Cluster API creates from
# that management cluster — all in one configuration and one plan.
#
# The capi provider's kubeconfig is the management cluster's kubeconfig
# attribute, so the plan knows the service clusters wait for the management
# cluster, and Kiln applies them in that order.
#
# Shows: master and worker nodes from maps (for_each) with address, port,
# user and password as openFuyao's console asks for them, an HA load-balancer
# address, image and chart repository addresses, a provider configured from
# another resource's attribute (provider alias), service clusters made with
# for_each, and pod CIDRs carved with cidrsubnet().
#
# Run from the repository root:
#   ./kiln -chdir=examples/management-and-service validate -var-file=test.kilnvars
#   KILN_VAR_node_password='…' ./kiln -chdir=examples/management-and-service plan

kiln {
  required_version = ">= 0.1.0"
}

provider "kubeadm" {}

provider "capi" {
  alias      = "management"
  kubeconfig = cluster.management.kubeconfig
  namespace  = "service-clusters"
}

node "master" {
  for_each = var.master_addresses
  address  = each.value
  roles    = ["control-plane"]

  ssh {
    user     = var.node_user
    port     = var.node_ssh_port
    password = var.node_password
  }
}

node "worker" {
  for_each = var.worker_addresses
  address  = each.value
  roles    = ["worker"]

  ssh {
    user     = var.node_user
    port     = var.node_ssh_port
    password = var.node_password
  }
}

registry "images" {
  endpoint = "https://${var.image_repository}"
  mirrors  = ["docker.io", "registry.k8s.io"]
}

cluster "management" {
  provider           = kubeadm
  kubernetes_version = var.kubernetes_version
  registry           = registry.images

  install {
    image_repository = var.image_repository
    chart_repository = var.chart_repository
  }

  control_plane {
    nodes         = values(node.master)
    endpoint      = "${var.load_balancer_address}:6443"
    endpoint_type = "load_balancer"
  }

  worker_pool "default" {
    nodes = values(node.worker)
  }

  network {
    pod_cidr     = cidrsubnet(var.pod_supernet, 4, 0)
    service_cidr = "10.96.0.0/16"

    cni "calico" {
      mode = "bgp"
    }
  }
}

cluster "service" {
  for_each           = var.service_clusters
  provider           = capi.management
  kubernetes_version = var.kubernetes_version
  registry           = registry.images

  control_plane {
    replicas = each.value.control_planes
  }

  worker_pool "default" {
    replicas = each.value.workers
  }

  network {
    # Each service cluster gets its own /16 of the pod supernet; block 0
    # belongs to the management cluster.
    pod_cidr     = cidrsubnet(var.pod_supernet, 4, each.value.network_index)
    service_cidr = "10.96.0.0/16"
  }

  # Bring Your Own Host: machines register themselves with the management
  # cluster and Cluster API turns them into nodes.
  infrastructure "byoh" {}

  labels = {
    "openfuyao.com/cluster-role" = "service"
  }
}
