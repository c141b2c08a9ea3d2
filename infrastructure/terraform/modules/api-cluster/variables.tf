variable "project" {
  type        = string
  description = "Project name; prefixes every resource name and becomes the project:<name> tag."
}

variable "environment" {
  type        = string
  description = "Environment name (dev, staging, production); part of every resource name and the env:<name> tag."
}

variable "region" {
  type        = string
  description = "DigitalOcean region slug, for example fra1."
}

variable "vpc_id" {
  type        = string
  description = "ID of the VPC the droplets and the load balancer join."
}

variable "droplet_count" {
  type        = number
  description = "Number of API droplets. Blue-green runs on each droplet, so one is enough for zero downtime; two survive a droplet loss."

  validation {
    condition     = var.droplet_count >= 1 && var.droplet_count <= 10
    error_message = "droplet_count must be between 1 and 10."
  }
}

variable "droplet_size" {
  type        = string
  description = "Droplet size slug, for example s-1vcpu-2gb."
}

variable "droplet_image" {
  type        = string
  description = "Droplet image slug. The Ansible playbooks target Debian 12."
  default     = "debian-12-x64"
}

variable "ssh_key_fingerprints" {
  type        = list(string)
  description = "Fingerprints of SSH keys already uploaded to DigitalOcean; put on root for the first Ansible run."

  validation {
    condition     = length(var.ssh_key_fingerprints) > 0
    error_message = "ssh_key_fingerprints is empty: upload a key (doctl compute ssh-key import) and list its fingerprint in terraform.tfvars. Without one DigitalOcean mails a root password instead."
  }
}

variable "admin_user" {
  type        = string
  description = "Admin account created at first boot; Ansible connects as it once root login is disabled."
  default     = "ops"
}

variable "admin_ssh_public_keys" {
  type        = list(string)
  description = "Public SSH keys of the admin account (public keys are not secrets)."

  validation {
    condition     = length(var.admin_ssh_public_keys) > 0 && alltrue([for k in var.admin_ssh_public_keys : can(regex("^(ssh-ed25519|ecdsa-sha2-nistp256|ssh-rsa) [A-Za-z0-9+/=]+", k))])
    error_message = "admin_ssh_public_keys must list at least one OpenSSH public key (ssh-ed25519 AAAA... comment) in terraform.tfvars; Ansible logs in with it."
  }
}

variable "domain" {
  type        = string
  description = "Public host name of the API (a domain managed in DigitalOcean DNS, for the Let's Encrypt certificate)."
}

variable "health_check" {
  type = object({
    path                     = string
    port                     = number
    check_interval_seconds   = number
    response_timeout_seconds = number
    healthy_threshold        = number
    unhealthy_threshold      = number
  })
  description = "Load balancer health check against nginx on the droplets."
  default = {
    path                     = "/health"
    port                     = 80
    check_interval_seconds   = 10
    response_timeout_seconds = 5
    healthy_threshold        = 3
    unhealthy_threshold      = 3
  }
}
