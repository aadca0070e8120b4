output "endpoint" {
  value       = cluster.shared.endpoint
  description = "API server of the shared cluster, known after apply."
}
