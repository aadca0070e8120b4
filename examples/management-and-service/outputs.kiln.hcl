output "management_endpoint" {
  value       = cluster.management.endpoint
  description = "API server of the management cluster (the load-balancer address)."
}

output "service_endpoints" {
  value       = { for name, service in cluster.service : name => service.endpoint }
  description = "API server of each service cluster, known after apply."
}

output "management_kubeconfig" {
  value       = cluster.management.kubeconfig
  sensitive   = true
  description = "Admin kubeconfig of the management cluster."
}
