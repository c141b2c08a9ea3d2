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

variable "vpc_ip_range" {
  type        = string
  description = "Private IPv4 range of the VPC in CIDR notation; must not overlap another VPC of the account."

  validation {
    condition     = can(cidrnetmask(var.vpc_ip_range))
    error_message = "vpc_ip_range must be an IPv4 CIDR such as 10.20.0.0/20."
  }
}

variable "admin_ssh_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to reach port 22 on the API droplets (office, VPN or CI egress). Never the whole internet."

  validation {
    condition     = length(var.admin_ssh_cidrs) > 0 && alltrue([for c in var.admin_ssh_cidrs : !contains(["0.0.0.0/0", "::/0"], c)])
    error_message = "admin_ssh_cidrs must list at least one CIDR and must not contain 0.0.0.0/0 or ::/0: SSH is for admin addresses only."
  }
}

variable "api_droplet_tag" {
  type        = string
  description = "Tag carried by the API droplets; the firewall applies to every droplet with it."
}

variable "load_balancer_id" {
  type        = string
  description = "ID of the load balancer in front of the API; the only source allowed to reach HTTP on the droplets."
}

variable "http_port" {
  type        = number
  description = "Port nginx listens on inside the droplets (the load balancer's target port)."
  default     = 80
}
