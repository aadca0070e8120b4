output "api_endpoint" {
  value       = cluster.lab.endpoint
  description = "The lab cluster's API server, known after apply."
}

output "kubeconfig" {
  value       = cluster.lab.kubeconfig
  sensitive   = true
  description = "Admin kubeconfig of the lab cluster."
}
