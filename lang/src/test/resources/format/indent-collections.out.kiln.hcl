locals {
  nodes = [
    "m1",
    "m2",
    "m3",
  ]
  labels = {
    role = "worker"
    zone = "a"
  }
  taints = concat(
    local.base,
    [
      "dedicated=gpu:NoSchedule",
    ],
  )
  size = (
    1 + 2
  )
}
