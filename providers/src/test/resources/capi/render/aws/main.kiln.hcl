# AWS with Kiln's own control plane (not EKS): three control-plane machines
# on EC2 and one pool with its own AMI and root volume.

provider "capi" {
  kubeconfig = "apiVersion: v1\nkind: Config\n"
  namespace  = "aws-clusters"
}

cluster "ec2" {
  provider           = capi
  kubernetes_version = "v1.31.2"

  control_plane {
    replicas = 3

    machine {
      instance_type = "m6i.large"
    }
  }

  worker_pool "general" {
    replicas = 3

    machine {
      instance_type = "m6i.xlarge"
      template      = "ami-0123456789abcdef0"
      disk_gib      = 80
    }
  }

  infrastructure "aws" {
    region        = "eu-west-1"
    ssh_key_name  = "platform"
    instance_type = "t3.large"
  }
}
