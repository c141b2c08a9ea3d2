variable "project" {
  type        = string
  description = "Project name; prefixes alert and check names."
}

variable "environment" {
  type        = string
  description = "Environment name; part of alert and check names."
}

variable "api_droplet_tag" {
  type        = string
  description = "Tag of the API droplets the resource alerts watch."
}

variable "health_url" {
  type        = string
  description = "Public URL of the API health endpoint the uptime check requests, for example https://staging-api.example.com/health."

  validation {
    condition     = can(regex("^https://[^/]+/health$", var.health_url))
    error_message = "health_url must be an https:// URL ending in /health."
  }
}

variable "alert_emails" {
  type        = list(string)
  description = "Addresses that receive alerts; DigitalOcean only mails addresses verified on the account."
}

variable "slack_channel" {
  type        = string
  description = "Slack channel named in alerts, for example #ops-alerts. Empty to send no Slack alerts."
  default     = ""
}

variable "slack_webhook_url" {
  type        = string
  description = "Slack incoming-webhook URL; a secret: pass it as TF_VAR_slack_webhook_url, never in a file."
  default     = ""
  sensitive   = true
}

variable "thresholds" {
  type = object({
    cpu_percent    = number
    memory_percent = number
    disk_percent   = number
    window         = string
  })
  description = "Alert thresholds in percent and the window they must be exceeded for."
  default = {
    cpu_percent    = 80
    memory_percent = 85
    disk_percent   = 90
    window         = "5m"
  }
}

variable "uptime_regions" {
  type        = list(string)
  description = "Regions the uptime check probes from: us_east, us_west, eu_west, se_asia."
  default     = ["eu_west", "us_east"]
}
