# OpenStack: credentials from a clouds.yaml, flavors and images per group,
# and an external etcd cluster.

provider "capi" {
  kubeconfig = "apiVersion: v1\nkind: Config\n"
  namespace  = "openstack-clusters"
}

cluster "stack" {
  provider           = capi
  kubernetes_version = "v1.30.6"
  external_address   = "203.0.113.7"

  control_plane {
    replicas = 3
    endpoint = "192.0.2.10:6443"

    machine {
      instance_type = "m1.large"
      disk_gib      = 50
    }
  }

  worker_pool "compute" {
    replicas = 4

    machine {
      instance_type = "m1.xlarge"
      template      = "ubuntu-2204-kube-v1.30.6"
    }
  }

  etcd {
    type      = "external"
    endpoints = ["https://192.0.2.21:2379", "https://192.0.2.22:2379", "https://192.0.2.23:2379"]
  }

  infrastructure "openstack" {
    cloud            = "openstack"
    clouds_yaml      = "clouds:\n  openstack:\n    auth:\n      auth_url: https://keystone.example.internal:5000\n      application_credential_id: id\n      application_credential_secret: do-not-show-this\n"
    image            = "ubuntu-2204-kube-v1.30.6"
    flavor           = "m1.medium"
    external_network = "0c6b6ab1-3bd0-4a2f-9b8e-1c5b8c9d0e11"
    ssh_key_name     = "platform"
  }
}
