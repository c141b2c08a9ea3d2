variable "project" {
  type        = string
  description = "Project name; prefixes the bucket name."
}

variable "environment" {
  type        = string
  description = "Environment name; part of the bucket name."
}

variable "region" {
  type        = string
  description = "Spaces region slug, for example fra1."
}

variable "bucket_suffix" {
  type        = string
  description = "Spaces bucket names are global across all accounts; a short suffix makes ours unique."
}

variable "backup_prefix" {
  type        = string
  description = "Key prefix the backup playbook writes database dumps under."
  default     = "postgres/"
}

variable "backup_retention_days" {
  type        = number
  description = "Days a database dump stays current before the lifecycle rule expires it."
  default     = 30

  validation {
    condition     = var.backup_retention_days >= 7
    error_message = "backup_retention_days must be at least 7 so a week of dumps always exists."
  }
}

variable "noncurrent_retention_days" {
  type        = number
  description = "Days an overwritten or deleted dump version is kept (versioning) before it is removed for good."
  default     = 7
}
