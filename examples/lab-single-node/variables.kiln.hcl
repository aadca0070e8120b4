variable "lab_address" {
  type        = string
  default     = "192.168.56.10"
  description = "Address of the lab machine."
}

variable "ssh_password" {
  type        = string
  sensitive   = true
  description = "Root password of the lab machine (prefer an SSH key outside a lab)."
}

variable "kubernetes_version" {
  type        = string
  default     = "v1.30.6"
  description = "Kubernetes version of the lab cluster."
}

variable "nfs_server" {
  type        = string
  default     = "192.168.56.2"
  description = "NFS server that exports /export/kubernetes for persistent volumes."
}
