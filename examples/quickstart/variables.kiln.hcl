variable "kubernetes_version" {
  type        = string
  default     = "v1.31.2"
  description = "Kubernetes version the simulated cluster runs."

  validation {
    condition     = can(regex("^v1\\.[0-9]+\\.[0-9]+$", var.kubernetes_version))
    error_message = "The Kubernetes version must look like v1.31.2."
  }
}

variable "control_plane_count" {
  type        = number
  default     = 1
  description = "Number of control-plane nodes; must be odd for stacked etcd."

  validation {
    condition     = var.control_plane_count % 2 == 1
    error_message = "Use an odd number of control-plane nodes (1, 3 or 5)."
  }
}

variable "worker_names" {
  type        = list(string)
  default     = ["w1", "w2"]
  description = "Names of the worker nodes; one simulated host each."
}

variable "node_cidr" {
  type        = string
  default     = "10.42.0.0/24"
  description = "Simulated network the nodes' addresses come from."
}
