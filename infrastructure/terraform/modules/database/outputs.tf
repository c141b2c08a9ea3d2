output "postgres_cluster_id" {
  description = "ID of the PostgreSQL cluster."
  value       = digitalocean_database_cluster.postgres.id
}

output "postgres_urn" {
  description = "URN of the PostgreSQL cluster, for the DigitalOcean project."
  value       = digitalocean_database_cluster.postgres.urn
}

output "postgres_private_host" {
  description = "VPC host name of the PostgreSQL primary."
  value       = digitalocean_database_cluster.postgres.private_host
}

output "database_url" {
  description = "Connection string of the application user over the VPC (TLS required)."
  value       = "postgresql://${digitalocean_database_user.app.name}:${digitalocean_database_user.app.password}@${digitalocean_database_cluster.postgres.private_host}:${digitalocean_database_cluster.postgres.port}/${digitalocean_database_db.app.name}?sslmode=require"
  sensitive   = true
}

output "admin_database_url" {
  description = "Connection string of the cluster's admin user over the VPC, for backups and restore tests."
  value       = digitalocean_database_cluster.postgres.private_uri
  sensitive   = true
}

output "database_ca_cert" {
  description = "PEM CA certificate of the PostgreSQL cluster, which the API verifies the server against (DATABASE_CA_CERT). Public."
  value       = data.digitalocean_database_ca.postgres.certificate
  sensitive   = false
}

output "cache_urn" {
  description = "URN of the cache cluster, for the DigitalOcean project."
  value       = digitalocean_database_cluster.cache.urn
}

output "redis_url" {
  description = "Connection string of the cache over the VPC (rediss://, TLS)."
  value       = digitalocean_database_cluster.cache.private_uri
  sensitive   = true
}

output "redis_ca_cert" {
  description = "PEM CA certificate of the cache cluster, which the API verifies the server against (REDIS_CA_CERT). Public."
  value       = data.digitalocean_database_ca.cache.certificate
  sensitive   = false
}
