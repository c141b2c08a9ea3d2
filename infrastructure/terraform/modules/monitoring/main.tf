locals {
  name_prefix = "${var.project}-${var.environment}"
  slack       = var.slack_webhook_url == "" ? [] : [{ channel = var.slack_channel, url = var.slack_webhook_url }]

  # DigitalOcean's metric types for droplet resource alerts.
  resource_alerts = {
    cpu = {
      type        = "v1/insights/droplet/cpu"
      value       = var.thresholds.cpu_percent
      description = "CPU above ${var.thresholds.cpu_percent}% for ${var.thresholds.window}"
    }
    memory = {
      type        = "v1/insights/droplet/memory_utilization_percent"
      value       = var.thresholds.memory_percent
      description = "Memory above ${var.thresholds.memory_percent}% for ${var.thresholds.window}"
    }
    disk = {
      type        = "v1/insights/droplet/disk_utilization_percent"
      value       = var.thresholds.disk_percent
      description = "Disk above ${var.thresholds.disk_percent}% for ${var.thresholds.window}"
    }
  }
}

resource "digitalocean_monitor_alert" "api" {
  for_each = local.resource_alerts

  description = "${local.name_prefix} API: ${each.value.description}"
  type        = each.value.type
  compare     = "GreaterThan"
  value       = each.value.value
  window      = var.thresholds.window
  enabled     = true
  tags        = [var.api_droplet_tag]

  alerts {
    email = var.alert_emails

    dynamic "slack" {
      for_each = local.slack
      content {
        channel = slack.value.channel
        url     = slack.value.url
      }
    }
  }
}

resource "digitalocean_uptime_check" "health" {
  name    = "${local.name_prefix}-api-health"
  target  = var.health_url
  type    = "https"
  regions = var.uptime_regions
  enabled = true
}

resource "digitalocean_uptime_alert" "down" {
  name     = "${local.name_prefix}-api-down"
  check_id = digitalocean_uptime_check.health.id
  type     = "down"
  period   = "2m"

  notifications {
    email = var.alert_emails

    dynamic "slack" {
      for_each = local.slack
      content {
        channel = slack.value.channel
        url     = slack.value.url
      }
    }
  }
}

resource "digitalocean_uptime_alert" "certificate" {
  name       = "${local.name_prefix}-api-certificate-expiry"
  check_id   = digitalocean_uptime_check.health.id
  type       = "ssl_expiry"
  threshold  = 14
  comparison = "less_than"
  period     = "2m"

  notifications {
    email = var.alert_emails

    dynamic "slack" {
      for_each = local.slack
      content {
        channel = slack.value.channel
        url     = slack.value.url
      }
    }
  }
}
