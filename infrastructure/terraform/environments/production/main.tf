module "networking" {
  source = "../../modules/networking"

  project          = var.project
  environment      = var.environment
  region           = var.region
  vpc_ip_range     = var.vpc_ip_range
  admin_ssh_cidrs  = var.admin_ssh_cidrs
  api_droplet_tag  = module.api_cluster.api_tag
  load_balancer_id = module.api_cluster.load_balancer_id
}

module "registry" {
  source = "../../modules/registry"

  project = var.project
  region  = var.region
  create  = var.manage_registry
}

module "storage" {
  source = "../../modules/storage"

  project               = var.project
  environment           = var.environment
  region                = var.region
  bucket_suffix         = var.backups_bucket_suffix
  backup_retention_days = var.backup_retention_days
}

module "api_cluster" {
  source = "../../modules/api-cluster"

  project               = var.project
  environment           = var.environment
  region                = var.region
  vpc_id                = module.networking.vpc_id
  droplet_count         = var.api_droplet_count
  droplet_size          = var.api_droplet_size
  ssh_key_fingerprints  = var.ssh_key_fingerprints
  admin_ssh_public_keys = var.admin_ssh_public_keys
  domain                = var.domain
}

module "database" {
  source = "../../modules/database"

  project             = var.project
  environment         = var.environment
  region              = var.region
  vpc_id              = module.networking.vpc_id
  trusted_droplet_tag = module.api_cluster.api_tag
  postgres_size       = var.postgres_size
  postgres_node_count = var.postgres_node_count
  database_name       = var.database_name
  database_user       = var.database_user
  cache_size          = var.cache_size
}

module "monitoring" {
  source = "../../modules/monitoring"

  project           = var.project
  environment       = var.environment
  api_droplet_tag   = module.api_cluster.api_tag
  health_url        = "https://${var.domain}/health"
  alert_emails      = var.alert_emails
  slack_channel     = var.slack_channel
  slack_webhook_url = var.slack_webhook_url
}

# The DigitalOcean project groups this environment's resources in the control panel and the API.
resource "digitalocean_project" "main" {
  name        = "${var.project}-${var.environment}"
  description = "${var.project} API, ${var.environment} environment"
  purpose     = "Web Application"
  environment = var.project_environment
  resources = concat(
    module.api_cluster.droplet_urns,
    [
      module.api_cluster.load_balancer_urn,
      module.database.postgres_urn,
      module.database.cache_urn,
      module.storage.bucket_urn,
    ],
  )
}
