output "alert_ids" {
  description = "IDs of the CPU, memory and disk alert policies, by metric."
  value       = { for k, a in digitalocean_monitor_alert.api : k => a.uuid }
}

output "uptime_check_id" {
  description = "ID of the uptime check on the health endpoint."
  value       = digitalocean_uptime_check.health.id
}
