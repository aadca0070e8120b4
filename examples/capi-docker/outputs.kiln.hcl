output "kubeconfig" {
  value       = cluster.dev.kubeconfig
  sensitive   = true
  description = "Kubeconfig of the workload cluster, read from its <name>-kubeconfig secret."
}

output "endpoint" {
  value       = cluster.dev.endpoint
  description = "The workload cluster's API server (a load-balancer container), known after apply."
}
