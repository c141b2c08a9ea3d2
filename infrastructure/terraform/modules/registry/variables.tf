variable "project" {
  type        = string
  description = "Project name; the registry is named after it."
}

variable "region" {
  type        = string
  description = "DigitalOcean region slug of the registry, for example fra1."
}

variable "create" {
  type        = bool
  description = "A DigitalOcean account holds one container registry. The environment that owns it sets true; the others read it."
}

variable "subscription_tier" {
  type        = string
  description = "Registry subscription tier slug: starter, basic or professional."
  default     = "basic"

  validation {
    condition     = contains(["starter", "basic", "professional"], var.subscription_tier)
    error_message = "subscription_tier must be one of starter, basic, professional."
  }
}
