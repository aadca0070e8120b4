output "endpoint" {
  value       = cluster.demo.endpoint
  description = "API server endpoint, known after apply."
}

output "kubeconfig" {
  value       = cluster.demo.kubeconfig
  sensitive   = true
  description = "Admin kubeconfig of the simulated cluster."
}

output "node_addresses" {
  value = merge(
    { for position, instance in node.control : format("control-%d", position) => instance.address },
    { for name, instance in node.worker : name => instance.address },
  )
  description = "Address of every node, by name."
}
