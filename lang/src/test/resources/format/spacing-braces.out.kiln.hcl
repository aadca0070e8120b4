provider "sim" {}
provider "kubeadm" {}
control_plane { nodes = [node.m1] }
labels = { a = 1 }
empty  = {}
nested = { outer = { inner = true } }
pool "default" "x" { size = 3 }
