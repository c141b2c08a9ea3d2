output "droplet_ids" {
  description = "IDs of the API droplets."
  value       = digitalocean_droplet.api[*].id
}

output "droplet_urns" {
  description = "URNs of the API droplets, for the DigitalOcean project."
  value       = digitalocean_droplet.api[*].urn
}

output "droplet_public_ips" {
  description = "Public IPv4 addresses of the API droplets (SSH from admin CIDRs only)."
  value       = digitalocean_droplet.api[*].ipv4_address
}

output "droplet_private_ips" {
  description = "VPC addresses of the API droplets."
  value       = digitalocean_droplet.api[*].ipv4_address_private
}

output "api_tag" {
  description = "Tag every API droplet carries; firewalls and alerts select droplets by it."
  value       = digitalocean_tag.api.name
}

output "load_balancer_id" {
  description = "ID of the load balancer."
  value       = digitalocean_loadbalancer.api.id
}

output "load_balancer_urn" {
  description = "URN of the load balancer, for the DigitalOcean project."
  value       = digitalocean_loadbalancer.api.urn
}

output "load_balancer_ip" {
  description = "Public IPv4 address of the load balancer; point the domain's A record at it."
  value       = digitalocean_loadbalancer.api.ip
}
