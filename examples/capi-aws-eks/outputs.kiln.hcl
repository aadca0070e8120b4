output "endpoint" {
  value       = cluster.eks.endpoint
  description = "The EKS API server endpoint, known after apply."
}

output "kubeconfig" {
  value       = cluster.eks.kubeconfig
  sensitive   = true
  description = "Kubeconfig of the EKS cluster."
}
