variable "management_kubeconfig" {
  type        = string
  sensitive   = true
  description = "Kubeconfig of the management cluster that runs Cluster API and CAPA."
}

variable "cluster_name" {
  type        = string
  default     = "eks"
  description = "Name tag of the EKS cluster's AWS resources."
}

variable "region" {
  type        = string
  default     = "us-west-2"
  description = "AWS region of the EKS cluster."
}

variable "ssh_key_name" {
  type        = string
  default     = "default"
  description = "Name of an existing EC2 key pair for the worker machines."
}

variable "kubernetes_version" {
  type        = string
  default     = "v1.30.4"
  description = "Kubernetes version; EKS supports a version for about 14 months."
}

variable "general_replicas" {
  type        = number
  default     = 3
  description = "Machines in the general-purpose pool."
}

variable "extra_tags" {
  type        = map(string)
  default     = { "team" = "platform" }
  description = "Tags added to every AWS resource of the cluster."
}
