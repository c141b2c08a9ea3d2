locals {
  name_prefix = "${var.project}-${var.environment}"
  common_tags = ["project:${var.project}", "env:${var.environment}"]
}

resource "digitalocean_database_cluster" "postgres" {
  name                 = "${local.name_prefix}-pg"
  engine               = "pg"
  version              = var.postgres_version
  size                 = var.postgres_size
  region               = var.region
  node_count           = var.postgres_node_count
  private_network_uuid = var.vpc_id
  tags                 = local.common_tags

  maintenance_window {
    day  = var.maintenance_window.day
    hour = var.maintenance_window.hour
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "digitalocean_database_db" "app" {
  cluster_id = digitalocean_database_cluster.postgres.id
  name       = var.database_name
}

resource "digitalocean_database_user" "app" {
  cluster_id = digitalocean_database_cluster.postgres.id
  name       = var.database_user
}

# Only droplets with the API tag may connect; the backup playbook runs on one of them for that reason.
resource "digitalocean_database_firewall" "postgres" {
  cluster_id = digitalocean_database_cluster.postgres.id

  rule {
    type  = "tag"
    value = var.trusted_droplet_tag
  }
}

resource "digitalocean_database_cluster" "cache" {
  name                 = "${local.name_prefix}-cache"
  engine               = var.cache_engine
  version              = var.cache_version
  size                 = var.cache_size
  region               = var.region
  node_count           = 1
  private_network_uuid = var.vpc_id
  eviction_policy      = "allkeys_lru"
  tags                 = local.common_tags

  maintenance_window {
    day  = var.maintenance_window.day
    hour = var.maintenance_window.hour
  }
}

resource "digitalocean_database_firewall" "cache" {
  cluster_id = digitalocean_database_cluster.cache.id

  rule {
    type  = "tag"
    value = var.trusted_droplet_tag
  }
}

# Each cluster's server certificate comes from a CA of its own (per cluster), not a public one:
# clients verify the servers against it. A CA certificate is public, not a secret.
data "digitalocean_database_ca" "postgres" {
  cluster_id = digitalocean_database_cluster.postgres.id
}

data "digitalocean_database_ca" "cache" {
  cluster_id = digitalocean_database_cluster.cache.id
}
