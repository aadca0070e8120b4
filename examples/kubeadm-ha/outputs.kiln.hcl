output "api_endpoint" {
  value       = cluster.prod.endpoint
  description = "The API server endpoint (the VIP), known after apply."
}

output "kubeconfig" {
  value       = cluster.prod.kubeconfig
  sensitive   = true
  description = "Admin kubeconfig; write it out with `kiln output -raw kubeconfig`."
}

output "worker_addresses" {
  value       = node.worker[*].address
  description = "Addresses of the worker hosts."
}
