locals {
  workers = {
    for position, name in var.worker_names :
    name => cidrhost(var.node_cidr, 100 + position)
    if name != "skip"
  }
  replicas = (
    var.high_availability
    ? 3
    : 1
  )
  offsets = [
    -2,
    !var.flag ? 1 : 0,
    # a comment inside a tuple
  ]
  tags = merge(local.common, {
    owner = "platform"
    tier  = "gold"
    }, {
    # only a comment
  })
}
