variable "kubernetes_version" {
  type        = string
  default     = "v1.31.2"
  description = "Kubernetes version kubeadm installs."
}

variable "node_cidr" {
  type        = string
  default     = "192.168.10.0/24"
  description = "Network of the hosts; control planes get .11-.13, workers .21 on."
}

variable "control_plane_vip" {
  type        = string
  default     = "192.168.10.10"
  description = "Virtual IP in front of the three API servers (keepalived or a load balancer)."

  validation {
    condition     = can(cidrhost("${var.control_plane_vip}/32", 0))
    error_message = "The control-plane VIP must be an IPv4 address such as 192.168.10.10."
  }
}

variable "worker_count" {
  type        = number
  default     = 3
  description = "Number of worker hosts."

  validation {
    condition     = var.worker_count >= 1
    error_message = "At least one worker is needed to run workloads."
  }
}

variable "ssh_private_key" {
  type        = string
  sensitive   = true
  description = "Private key (PEM/OpenSSH text) Kiln logs in with; every host trusts its public key."
}

variable "registry_host" {
  type        = string
  default     = "registry.example.internal:5000"
  description = "Host and port of the image registry that mirrors public registries."
}

variable "registry_password" {
  type        = string
  sensitive   = true
  description = "Password of the registry's kiln user."
}

variable "minio_endpoint" {
  type        = string
  default     = "https://minio.example.internal:9000"
  description = "MinIO (or any S3-compatible) endpoint for etcd snapshots."
}

variable "minio_access_key" {
  type        = string
  sensitive   = true
  description = "Access key of the MinIO user that writes etcd snapshots."
}

variable "minio_secret_key" {
  type        = string
  sensitive   = true
  description = "Secret key of the MinIO user that writes etcd snapshots."
}
