variable "bootstrap_kubeconfig" {
  type        = string
  sensitive   = true
  description = "Kubeconfig of the bootstrap cluster that runs Cluster API and CAPV."
}

variable "kubernetes_version" {
  type        = string
  default     = "v1.31.6"
  description = "Kubernetes version of the global cluster."
}

variable "base_domain" {
  type        = string
  default     = "acp.example.internal"
  description = "DNS domain the platform's names live under."
}

variable "control_plane_vip" {
  type        = string
  default     = "10.0.20.10"
  description = "Virtual IP of the API servers (kube-vip announces it)."
}

variable "control_plane_addresses" {
  type        = list(string)
  default     = ["10.0.20.11", "10.0.20.12", "10.0.20.13"]
  description = "Static addresses the three control-plane machines receive."

  validation {
    condition     = length(var.control_plane_addresses) == 3
    error_message = "The global cluster has exactly three control-plane machines."
  }
}

variable "registry_address" {
  type        = string
  default     = "registry.acp.example.internal:11443"
  description = "Platform image registry, published to the platform as cpaas.io/registry-address."
}

variable "vm_template" {
  type        = string
  default     = "microos-kube-v1.31.6"
  description = "vSphere VM template the machines are cloned from."
}

variable "vsphere_server" {
  type        = string
  default     = "vcenter.example.internal"
  description = "vCenter server."
}

variable "vsphere_thumbprint" {
  type        = string
  default     = ""
  description = "SHA-1 thumbprint of vCenter's certificate; empty trusts the system CAs."
}

variable "vsphere_username" {
  type        = string
  default     = "administrator@vsphere.local"
  description = "vCenter user that creates the machines."
}

variable "vsphere_password" {
  type        = string
  sensitive   = true
  description = "Password of the vCenter user."
}

variable "encryption_key" {
  type        = string
  sensitive   = true
  description = "Base64 of 32 random bytes: the AES-CBC key that encrypts Secrets in etcd."

  validation {
    condition     = can(base64decode(var.encryption_key)) && length(var.encryption_key) == 44
    error_message = "The encryption key must be the base64 form of exactly 32 bytes (44 characters)."
  }
}
