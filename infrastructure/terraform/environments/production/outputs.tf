output "load_balancer_ip" {
  description = "Public address of the load balancer; the domain's A record points here."
  value       = module.api_cluster.load_balancer_ip
}

output "api_droplet_public_ips" {
  description = "Public addresses of the API droplets, for the Ansible inventory and opsctl's hosts."
  value       = module.api_cluster.droplet_public_ips
}

output "api_tag" {
  description = "Tag of the API droplets (the dynamic inventory selects hosts by it)."
  value       = module.api_cluster.api_tag
}

output "registry_endpoint" {
  description = "Image prefix for docker push and pull."
  value       = module.registry.endpoint
}

output "registry_pull_docker_config" {
  description = "Read-only docker config.json for the droplets."
  value       = module.registry.pull_docker_config
  sensitive   = true
}

output "backups_bucket" {
  description = "Spaces bucket the backup playbook uploads to."
  value       = module.storage.bucket_name
}

output "backups_endpoint" {
  description = "S3 API endpoint of the backups bucket."
  value       = module.storage.endpoint
}

output "database_url" {
  description = "PostgreSQL connection string of the application user (VPC, TLS)."
  value       = module.database.database_url
  sensitive   = true
}

output "admin_database_url" {
  description = "PostgreSQL connection string of the admin user, for backups."
  value       = module.database.admin_database_url
  sensitive   = true
}

output "database_ca_cert" {
  description = "CA certificate of the PostgreSQL cluster (PEM): the droplets' DATABASE_CA_CERT. Public."
  value       = module.database.database_ca_cert
  sensitive   = false
}

output "redis_ca_cert" {
  description = "CA certificate of the cache cluster (PEM): the droplets' REDIS_CA_CERT. Public."
  value       = module.database.redis_ca_cert
  sensitive   = false
}

output "redis_url" {
  description = "Cache connection string (VPC, TLS)."
  value       = module.database.redis_url
  sensitive   = true
}

output "load_balancer_id" {
  description = "ID of the load balancer; opsctl.yaml's loadBalancer.digitalocean for this environment."
  value       = module.api_cluster.load_balancer_id
}

output "api_endpoint" {
  description = "Public URL of the API; opsctl.yaml's loadBalancer.url for this environment."
  value       = "https://${var.domain}"
}

output "registry_name" {
  description = "Name of the container registry; opsctl.yaml's registry.digitalocean."
  value       = module.registry.name
}
