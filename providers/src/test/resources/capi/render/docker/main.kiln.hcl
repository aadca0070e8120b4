# Every cluster setting the docker flavour renders: ignition, a registry with
# mirrors, an encryption config, extra SANs, labels, taints, users and two pools.

provider "capi" {
  kubeconfig = "apiVersion: v1\nkind: Config\n"
  namespace  = "dev-clusters"
}

registry "mirror" {
  endpoint = "https://registry.example.internal:5000"
  insecure = true
  mirrors  = ["docker.io", "registry.k8s.io"]
}

cluster "lab" {
  provider                   = capi
  kubernetes_version         = "v1.31.2"
  kubeadm_config_format      = "ignition"
  registry                   = registry.mirror
  cert_sans                  = ["lab.example.internal", "10.0.0.10"]
  encryption_provider_config = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24tYW55d2hlcmU=\n"

  install {
    image_repository = "registry.example.internal:5000/k8s"
  }

  control_plane {
    replicas = 3
    labels   = { "tier" = "control" }

    machine {
      template = "kindest/node:v1.31.2"
    }

    user "ops" {
      gecos               = "Operations"
      groups              = ["wheel", "docker"]
      home_dir            = "/home/ops"
      shell               = "/bin/bash"
      sudo                = "ALL=(ALL) NOPASSWD:ALL"
      passwd              = "$6$rounds=4096$not-a-real-salt$not-a-real-password-hash"
      lock_password       = false
      ssh_authorized_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsOpsOpsOpsOpsOpsOpsOpsOpsOpsOpsOpsOpsOps ops@example.internal"]
    }

    user "audit" {
      shell = "/usr/sbin/nologin"
    }
  }

  worker_pool "blue" {
    replicas        = 2
    max_surge       = "25%"
    max_unavailable = "1"
    labels          = { "pool" = "blue", "tier" = "apps" }
    taints          = ["dedicated=blue:NoSchedule", "gpu:NoExecute"]

    user "deploy" {
      groups              = ["docker"]
      sudo                = "ALL=(ALL) NOPASSWD:/usr/bin/systemctl"
      ssh_authorized_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDeployDeployDeployDeployDeployDeployDeploy deploy@example.internal"]
    }

    machine {
      template = "kindest/node:v1.31.2"
      spec = {
        extraMounts = [{ containerPath = "/var/run/docker.sock", hostPath = "/var/run/docker.sock" }]
      }
    }
  }

  worker_pool "green" {
    replicas = 1
  }

  network {
    pod_cidr     = "10.244.0.0/16"
    service_cidr = "10.96.0.0/12"
    dns_domain   = "lab.local"
  }

  etcd {
    server_cert_sans = ["etcd.lab.example.internal"]
  }

  infrastructure "docker" {
    spec = {
      loadBalancer = { imageTag = "v20230510-486859a6" }
    }
  }

  labels = {
    "environment" = "lab"
  }

  annotations = {
    "example.com/owner" = "platform-team"
  }
}
