# Any other infrastructure provider, here Metal3: the infrastructure cluster's
# apiVersion, kind and whole spec, and each machine template's spec. The control plane
# names its machine template (the same one the pool's is derived as: Metal3MachineTemplate).

provider "capi" {
  kubeconfig = "apiVersion: v1\nkind: Config\n"
  namespace  = "metal"
}

cluster "rack" {
  provider           = capi
  kubernetes_version = "v1.31.2"

  control_plane {
    replicas = 1
    endpoint = "198.51.100.10"

    machine {
      api_version = "infrastructure.cluster.x-k8s.io/v1beta1"
      kind        = "Metal3MachineTemplate"
      spec = {
        image = {
          url          = "http://images.example.internal/ubuntu-2204.qcow2"
          checksum     = "http://images.example.internal/ubuntu-2204.qcow2.sha256sum"
          checksumType = "sha256"
        }
      }
    }
  }

  worker_pool "bare" {
    replicas = 2
  }

  infrastructure "generic" {
    api_version = "infrastructure.cluster.x-k8s.io/v1beta1"
    kind        = "Metal3Cluster"
    spec = {
      controlPlaneEndpoint = { host = "198.51.100.10", port = 6443 }
      noCloudProvider      = true
    }
  }
}
