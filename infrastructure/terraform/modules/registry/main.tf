# One registry per account: the owning environment creates it, every other environment looks it up,
# so `terraform destroy` of dev can never delete the images staging runs.
resource "digitalocean_container_registry" "main" {
  count                  = var.create ? 1 : 0
  name                   = var.project
  subscription_tier_slug = var.subscription_tier
  region                 = var.region
}

data "digitalocean_container_registry" "existing" {
  count = var.create ? 0 : 1
  name  = var.project
}

locals {
  registry_name     = var.create ? digitalocean_container_registry.main[0].name : data.digitalocean_container_registry.existing[0].name
  registry_endpoint = var.create ? digitalocean_container_registry.main[0].endpoint : data.digitalocean_container_registry.existing[0].endpoint
  registry_server   = var.create ? digitalocean_container_registry.main[0].server_url : data.digitalocean_container_registry.existing[0].server_url
}

# Pull-only credentials for the droplets; written to them by Ansible, never to the repository.
resource "digitalocean_container_registry_docker_credentials" "pull" {
  registry_name = local.registry_name
  write         = false
}
