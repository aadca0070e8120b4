cluster "prod" {
  kubernetes_version = "v1.29.1"
  control_plane {
    nodes = [node.m1]
  }
  network {
    pod_cidr = "10.244.0.0/16"
  }
}
