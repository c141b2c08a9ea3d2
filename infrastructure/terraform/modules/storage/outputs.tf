output "bucket_name" {
  description = "Name of the backups bucket."
  value       = digitalocean_spaces_bucket.backups.name
}

output "bucket_urn" {
  description = "URN of the backups bucket, for the DigitalOcean project."
  value       = digitalocean_spaces_bucket.backups.urn
}

output "bucket_region" {
  description = "Region of the backups bucket."
  value       = digitalocean_spaces_bucket.backups.region
}

output "endpoint" {
  description = "S3 API endpoint of the bucket's region."
  value       = "https://${digitalocean_spaces_bucket.backups.region}.digitaloceanspaces.com"
}
