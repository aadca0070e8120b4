variable "kubernetes_version" {
  type        = string
  default     = "v1.30.6"
  description = "Kubernetes version of every cluster."
}

variable "master_addresses" {
  type = map(string)
  default = {
    master1 = "10.10.0.11"
    master2 = "10.10.0.12"
    master3 = "10.10.0.13"
  }
  description = "Bootstrap machines that become the management cluster's control planes, by name."
}

variable "worker_addresses" {
  type = map(string)
  default = {
    worker1 = "10.10.0.21"
    worker2 = "10.10.0.22"
  }
  description = "Bootstrap machines that become the management cluster's workers, by name."
}

variable "node_user" {
  type        = string
  default     = "root"
  description = "SSH user of the bootstrap machines."
}

variable "node_ssh_port" {
  type        = number
  default     = 22
  description = "SSH port of the bootstrap machines."
}

variable "node_password" {
  type        = string
  sensitive   = true
  description = "SSH password of the bootstrap machines."
}

variable "load_balancer_address" {
  type        = string
  default     = "10.10.0.10"
  description = "HA load-balancer address in front of the management cluster's API servers."
}

variable "image_repository" {
  type        = string
  default     = "registry.fuyao.example.internal"
  description = "Image repository every cluster pulls from."
}

variable "chart_repository" {
  type        = string
  default     = "https://charts.fuyao.example.internal"
  description = "Helm chart repository the platform installs add-ons from."
}

variable "pod_supernet" {
  type        = string
  default     = "10.128.0.0/12"
  description = "Pod networks of all clusters are /16 blocks of this network."
}

variable "service_clusters" {
  type = map(object({
    network_index  = number
    control_planes = number
    workers        = number
  }))
  default = {
    "service-a" = { network_index = 1, control_planes = 3, workers = 3 }
    "service-b" = { network_index = 2, control_planes = 1, workers = 2 }
  }
  description = "Service clusters to create from the management cluster; network_index picks each one's pod /16 (1-15, unique)."

  validation {
    condition     = length(distinct([for service in values(var.service_clusters) : service.network_index])) == length(var.service_clusters)
    error_message = "Every service cluster needs its own network_index."
  }
}
