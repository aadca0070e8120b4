# A Huawei-DCS-like provider described with the generic form: the infrastructure cluster's
# apiVersion and kind, each machine template's own apiVersion and kind (the GPU pool's
# template lives in another API group), a pool whose template kind is derived, and users
# on the control plane and a pool.

provider "capi" {
  kubeconfig = "apiVersion: v1\nkind: Config\n"
  namespace  = "dcs"
}

cluster "fin" {
  provider           = capi
  kubernetes_version = "v1.30.6"

  control_plane {
    replicas = 3
    endpoint = "192.0.2.50"

    machine {
      api_version = "infrastructure.cluster.x-k8s.io/v1beta1"
      kind        = "DCSMachineTemplate"
      spec = {
        template   = "euleros-2.12-kube-v1.30.6"
        cpu        = 8
        memoryMiB  = 16384
        systemDisk = { sizeGiB = 100, storageType = "ssd" }
      }
    }

    user "maint" {
      gecos               = "Maintenance"
      groups              = ["wheel"]
      shell               = "/bin/bash"
      sudo                = "ALL=(ALL) ALL"
      passwd              = "$6$not-a-real-salt$not-a-real-dcs-password-hash"
      lock_password       = false
      ssh_authorized_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMaintMaintMaintMaintMaintMaintMaintMaintMain maint@example.internal"]
    }
  }

  worker_pool "general" {
    replicas = 4

    machine {
      spec = {
        template  = "euleros-2.12-kube-v1.30.6"
        cpu       = 4
        memoryMiB = 8192
      }
    }
  }

  worker_pool "gpu" {
    replicas = 2
    taints   = ["nvidia.com/gpu=present:NoSchedule"]

    machine {
      api_version = "infrastructure.dcs.example.com/v1alpha2"
      kind        = "DCSBareMetalMachineTemplate"
      spec = {
        flavor = "bms.gpu.8xlarge"
        image  = "euleros-2.12-kube-v1.30.6-nvidia"
      }
    }

    user "ml" {
      home_dir            = "/data/ml"
      shell               = "/bin/bash"
      ssh_authorized_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMlMl ml@example.internal"]
    }
  }

  infrastructure "generic" {
    api_version = "infrastructure.cluster.x-k8s.io/v1beta1"
    kind        = "DCSCluster"
    spec = {
      controlPlaneEndpoint = { host = "192.0.2.50", port = 6443 }
      region               = "dcs-east-1"
      vpc                  = "vpc-fin"
    }
  }
}
