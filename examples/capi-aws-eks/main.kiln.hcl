# The Cluster API quick start on AWS, EKS flavour: Amazon runs the control
# plane (AWSManagedControlPlane), Cluster API runs the worker machines.
#
# Before: a management cluster with Cluster API and the AWS provider
# installed with EKS support (clusterctl init --infrastructure aws, with
# CAPA_EKS=true and CAPA_EKS_IAM=true), and an EC2 key pair in the region.
#
#   export KILN_VAR_management_kubeconfig="$(cat ~/.kube/management.yaml)"
#   ./kiln -chdir=examples/capi-aws-eks plan -var region=eu-west-1
#
# To only validate:
#   ./kiln -chdir=examples/capi-aws-eks validate -var-file=test.kilnvars
#
# Shows: the AWS infrastructure provider in its EKS-managed flavour, two
# worker pools (one tainted for memory-heavy workloads), and tags built with
# merge().

kiln {
  required_version = ">= 0.1.0"
}

provider "capi" {
  kubeconfig = var.management_kubeconfig
  namespace  = "clusters"
}

locals {
  tags = merge(var.extra_tags, {
    "kiln.dev/cluster" = var.cluster_name
  })
}

cluster "eks" {
  provider           = capi
  kubernetes_version = var.kubernetes_version

  # EKS runs the control plane: no replicas or nodes to give.
  control_plane {}

  worker_pool "general" {
    replicas        = var.general_replicas
    max_surge       = 1
    max_unavailable = 0

    machine {
      instance_type = "t3.large"
    }
  }

  worker_pool "memory" {
    replicas = 1
    labels = {
      "workload" = "memory-intensive"
    }
    taints = ["workload=memory-intensive:NoSchedule"]

    machine {
      instance_type = "r6i.xlarge"
    }
  }

  network {
    pod_cidr     = "192.168.0.0/16"
    service_cidr = "10.96.0.0/12"
  }

  infrastructure "aws" {
    region       = var.region
    ssh_key_name = var.ssh_key_name
    spec = {
      additionalTags = local.tags
    }
  }
}
