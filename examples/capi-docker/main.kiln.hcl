# A workload cluster made by Cluster API's Docker provider (CAPD), for
# development on a laptop.
#
# Before: create a management cluster with kind and install Cluster API and
# CAPD into it (clusterctl init --infrastructure docker). Then hand Kiln the
# management cluster's kubeconfig through the environment, so it never lands
# in a file under version control:
#
#   export KILN_VAR_management_kubeconfig="$(kind get kubeconfig --name kiln-management)"
#   ./kiln -chdir=examples/capi-docker plan
#
# To only validate, use the fake kubeconfig in test.kilnvars:
#   ./kiln -chdir=examples/capi-docker validate -var-file=test.kilnvars
#
# Shows: provider "capi" configured from a sensitive variable, a cluster with
# machine replicas instead of nodes, a node image built with format() and
# passed through the machine template's spec, and the Docker infrastructure
# provider.

kiln {
  required_version = ">= 0.1.0"
}

provider "capi" {
  kubeconfig = var.management_kubeconfig
  context    = "kind-kiln-management"
  namespace  = var.namespace
}

locals {
  node_image = format("kindest/node:%s", var.kubernetes_version)
}

cluster "dev" {
  provider           = capi
  kubernetes_version = var.kubernetes_version

  control_plane {
    replicas = 1
  }

  worker_pool "md-0" {
    replicas = var.worker_replicas

    # Fields of CAPD's DockerMachineTemplate spec that Kiln has no argument for.
    machine {
      spec = {
        customImage = local.node_image
      }
    }
  }

  network {
    pod_cidr     = "192.168.0.0/16"
    service_cidr = "10.128.0.0/12"
    dns_domain   = "cluster.local"
  }

  infrastructure "docker" {}

  labels = {
    "cni" = "calico"
  }
}
