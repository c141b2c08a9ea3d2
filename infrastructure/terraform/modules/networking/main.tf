locals {
  name_prefix = "${var.project}-${var.environment}"
}

resource "digitalocean_vpc" "main" {
  name        = "${local.name_prefix}-vpc"
  region      = var.region
  ip_range    = var.vpc_ip_range
  description = "Private network of ${var.project} (${var.environment})"
}

# Droplets are reachable on SSH from admin addresses only, and on HTTP only from the load balancer,
# which terminates TLS. Everything else inbound is dropped (a DigitalOcean firewall denies what no rule allows).
resource "digitalocean_firewall" "api" {
  name = "${local.name_prefix}-api"
  tags = [var.api_droplet_tag]

  inbound_rule {
    protocol         = "tcp"
    port_range       = "22"
    source_addresses = var.admin_ssh_cidrs
  }

  inbound_rule {
    protocol                  = "tcp"
    port_range                = tostring(var.http_port)
    source_load_balancer_uids = [var.load_balancer_id]
  }

  inbound_rule {
    protocol         = "icmp"
    source_addresses = [var.vpc_ip_range]
  }

  # Outbound stays open: apt, the container registry, Spaces and the managed databases.
  outbound_rule {
    protocol              = "tcp"
    port_range            = "1-65535"
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }

  outbound_rule {
    protocol              = "udp"
    port_range            = "1-65535"
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }

  outbound_rule {
    protocol              = "icmp"
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }
}
