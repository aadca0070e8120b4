network {
pod_cidr = "10.244.0.0/16" # pods
service_cidr = "10.96.0.0/12"    # services
dns_domain = "cluster.local"// the default

mtu = 1450    # one alone
cni = "cilium" /* a block comment is not aligned */
}
nodes = [ # opening comment
  node.m1, # first
  node.worker_one, # second
]
