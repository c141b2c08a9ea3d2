# Production: staging's topology, sized for production (three API droplets, larger database and
# cache nodes, three PostgreSQL nodes: a primary and two standbys). No secrets here:
# DIGITALOCEAN_TOKEN, the Spaces keys and TF_VAR_slack_webhook_url come from the environment (see
# infrastructure/README.md). Addresses below are documentation ranges: replace them with your
# admin networks before the first apply.
project             = "opsctl"
environment         = "production"
project_environment = "Production"
region              = "fra1"
vpc_ip_range        = "10.30.0.0/20"

admin_ssh_cidrs = ["203.0.113.0/24"]

# Account-specific: the plan stops with an explanation until these are filled in.
ssh_key_fingerprints  = []
admin_ssh_public_keys = []

domain = "api.example.com"
# Staging creates the account's single registry; production reads it (the same images are
# promoted from staging to production by SHA).
manage_registry = false

api_droplet_count = 3
api_droplet_size  = "s-2vcpu-4gb"

postgres_size       = "db-s-2vcpu-4gb"
postgres_node_count = 3
database_name       = "opsctl"
database_user       = "opsctl_api"
cache_size          = "db-s-1vcpu-2gb"

backups_bucket_suffix = "a7k2"
backup_retention_days = 90

alert_emails  = ["ops@example.com"]
slack_channel = "#opsctl-alerts"
