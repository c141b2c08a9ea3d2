variable "project" {
  type        = string
  description = "Project name; prefixes every resource name and becomes the project:<name> tag."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "project must be 2-21 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name; part of every resource name and the env:<name> tag."

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "project_environment" {
  type        = string
  description = "Environment label of the DigitalOcean project: Development, Staging or Production."

  validation {
    condition     = contains(["Development", "Staging", "Production"], var.project_environment)
    error_message = "project_environment must be Development, Staging or Production."
  }
}

variable "region" {
  type        = string
  description = "DigitalOcean region slug for every resource, for example fra1."
}

variable "vpc_ip_range" {
  type        = string
  description = "Private IPv4 range of the environment's VPC."
}

variable "admin_ssh_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to SSH to the API droplets (office, VPN, CI egress)."
}

variable "ssh_key_fingerprints" {
  type        = list(string)
  description = "Fingerprints of SSH keys uploaded to DigitalOcean, installed for root at creation (first Ansible run)."
}

variable "admin_ssh_public_keys" {
  type        = list(string)
  description = "Public keys of the admin account Ansible uses after root login is disabled."
}

variable "domain" {
  type        = string
  description = "Public host name of the API; must be a domain managed in DigitalOcean DNS."
}

variable "manage_registry" {
  type        = bool
  description = "Whether this environment creates the account's single container registry (true) or reads it (false)."
}

variable "api_droplet_count" {
  type        = number
  description = "Number of API droplets behind the load balancer."
}

variable "api_droplet_size" {
  type        = string
  description = "Size slug of the API droplets."
}

variable "postgres_size" {
  type        = string
  description = "Node size slug of the managed PostgreSQL cluster."
}

variable "postgres_node_count" {
  type        = number
  description = "Nodes of the managed PostgreSQL cluster (2 = primary plus standby)."
}

variable "database_name" {
  type        = string
  description = "Name of the application database."
}

variable "database_user" {
  type        = string
  description = "Name of the application database user."
}

variable "cache_size" {
  type        = string
  description = "Node size slug of the managed cache cluster."
}

variable "backups_bucket_suffix" {
  type        = string
  description = "Suffix that makes the globally named backups bucket unique."
}

variable "backup_retention_days" {
  type        = number
  description = "Days database dumps are kept in the backups bucket."
}

variable "alert_emails" {
  type        = list(string)
  description = "Addresses (verified on the DigitalOcean account) that receive alerts."
}

variable "slack_channel" {
  type        = string
  description = "Slack channel named in alerts; empty for no Slack alerts."
  default     = ""
}

variable "slack_webhook_url" {
  type        = string
  description = "Slack incoming-webhook URL; a secret, set TF_VAR_slack_webhook_url in the environment."
  default     = ""
  sensitive   = true
}
