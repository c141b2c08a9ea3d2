locals {
  name_prefix = "${var.project}-${var.environment}"
  common_tags = ["project:${var.project}", "env:${var.environment}"]
}

# The project and environment tags are created by DigitalOcean when first used. The role tag is a
# resource because the load balancer needs it to exist first. The load balancer, the cloud firewall,
# the database firewalls and the alerts select the API droplets by it, so a replaced droplet is
# picked up without edits.
resource "digitalocean_tag" "api" {
  name = "${local.name_prefix}-api"
}

resource "digitalocean_droplet" "api" {
  count             = var.droplet_count
  name              = "${local.name_prefix}-api-${count.index + 1}"
  region            = var.region
  size              = var.droplet_size
  image             = var.droplet_image
  vpc_uuid          = var.vpc_id
  ssh_keys          = var.ssh_key_fingerprints
  monitoring        = true
  ipv6              = false
  graceful_shutdown = true
  tags              = concat(local.common_tags, [digitalocean_tag.api.name])

  user_data = templatefile("${path.module}/user-data.yaml.tftpl", {
    admin_user = var.admin_user
    admin_keys = var.admin_ssh_public_keys
  })

  lifecycle {
    # user_data and image only matter at creation; a changed default must not replace running droplets.
    ignore_changes = [user_data, image, ssh_keys]
  }
}

resource "digitalocean_certificate" "api" {
  name    = "${local.name_prefix}-api-${replace(var.domain, ".", "-")}"
  type    = "lets_encrypt"
  domains = [var.domain]

  lifecycle {
    create_before_destroy = true
  }
}

resource "digitalocean_loadbalancer" "api" {
  name                      = "${local.name_prefix}-api"
  region                    = var.region
  vpc_uuid                  = var.vpc_id
  droplet_tag               = digitalocean_tag.api.id
  redirect_http_to_https    = true
  enable_backend_keepalive  = true
  http_idle_timeout_seconds = 60

  forwarding_rule {
    entry_port       = 443
    entry_protocol   = "https"
    target_port      = var.health_check.port
    target_protocol  = "http"
    certificate_name = digitalocean_certificate.api.name
  }

  # Needed for the redirect: the load balancer answers port 80 with a 301 to HTTPS.
  forwarding_rule {
    entry_port      = 80
    entry_protocol  = "http"
    target_port     = var.health_check.port
    target_protocol = "http"
  }

  healthcheck {
    protocol                 = "http"
    port                     = var.health_check.port
    path                     = var.health_check.path
    check_interval_seconds   = var.health_check.check_interval_seconds
    response_timeout_seconds = var.health_check.response_timeout_seconds
    healthy_threshold        = var.health_check.healthy_threshold
    unhealthy_threshold      = var.health_check.unhealthy_threshold
  }

  depends_on = [digitalocean_droplet.api]
}
