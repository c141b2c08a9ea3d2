output "name" {
  description = "Registry name."
  value       = local.registry_name
}

output "endpoint" {
  description = "Image prefix, for example registry.digitalocean.com/opsctl."
  value       = local.registry_endpoint
}

output "host" {
  description = "Registry host name, for example registry.digitalocean.com."
  value       = local.registry_server
}

output "pull_docker_config" {
  description = "Docker config.json with read-only credentials for the droplets."
  value       = digitalocean_container_registry_docker_credentials.pull.docker_credentials
  sensitive   = true
}
