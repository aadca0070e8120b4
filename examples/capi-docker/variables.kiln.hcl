variable "management_kubeconfig" {
  type        = string
  sensitive   = true
  description = "Kubeconfig of the kind management cluster (`kind get kubeconfig --name kiln-management`)."
}

variable "namespace" {
  type        = string
  default     = "default"
  description = "Namespace of the management cluster that holds this cluster's objects."
}

variable "kubernetes_version" {
  type        = string
  default     = "v1.31.2"
  description = "Kubernetes version; a kindest/node image of this version must exist."
}

variable "worker_replicas" {
  type        = number
  default     = 2
  description = "Worker machines (containers) in the md-0 pool."
}
