output "vpc_id" {
  description = "ID of the VPC the droplets, load balancer and databases join."
  value       = digitalocean_vpc.main.id
}

output "vpc_urn" {
  description = "URN of the VPC."
  value       = digitalocean_vpc.main.urn
}

output "vpc_ip_range" {
  description = "Private IPv4 range of the VPC."
  value       = digitalocean_vpc.main.ip_range
}

output "firewall_id" {
  description = "ID of the cloud firewall that guards the API droplets."
  value       = digitalocean_firewall.api.id
}
