variable "environment" {
  type        = string
  default     = "staging"
  description = "Environment name; each environment keeps its own state object."

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "The environment must be dev, staging or production."
  }
}

variable "minio_endpoint" {
  type        = string
  default     = "http://127.0.0.1:9000"
  description = "MinIO endpoint (scheme, host and port)."
}

variable "minio_access_key" {
  type        = string
  sensitive   = true
  description = "MinIO access key with read and write access to the kiln-state bucket."
}

variable "minio_secret_key" {
  type        = string
  sensitive   = true
  description = "MinIO secret key."
}

variable "state_passphrase" {
  type        = string
  sensitive   = true
  description = "Passphrase the state is encrypted with before it leaves this machine."

  validation {
    condition     = length(var.state_passphrase) >= 16
    error_message = "Use a passphrase of at least 16 characters."
  }
}
