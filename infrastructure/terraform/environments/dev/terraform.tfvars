# Dev: the smallest environment that still has the staging topology (one droplet, one database
# node). No secrets here: DIGITALOCEAN_TOKEN, the Spaces keys and TF_VAR_slack_webhook_url come from
# the environment. Addresses below are documentation ranges: replace them before the first apply.
project             = "opsctl"
environment         = "dev"
project_environment = "Development"
region              = "fra1"
vpc_ip_range        = "10.10.0.0/20"

admin_ssh_cidrs = ["203.0.113.0/24"]

# Account-specific: the plan stops with an explanation until these are filled in.
ssh_key_fingerprints  = []
admin_ssh_public_keys = []

domain          = "dev-api.example.com"
manage_registry = false

api_droplet_count = 1
api_droplet_size  = "s-1vcpu-1gb"

postgres_size       = "db-s-1vcpu-1gb"
postgres_node_count = 1
database_name       = "opsctl"
database_user       = "opsctl_api"
cache_size          = "db-s-1vcpu-1gb"

backups_bucket_suffix = "a7k2"
backup_retention_days = 7

alert_emails  = ["ops@example.com"]
slack_channel = "#opsctl-alerts"
