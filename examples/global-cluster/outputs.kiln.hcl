output "endpoint" {
  value       = cluster.global.endpoint
  description = "The global cluster's API server (the VIP), known after apply."
}

output "kubeconfig" {
  value       = cluster.global.kubeconfig
  sensitive   = true
  description = "Kubeconfig of the global cluster."
}
