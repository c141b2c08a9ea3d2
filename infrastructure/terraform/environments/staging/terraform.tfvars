# Staging. No secrets here: DIGITALOCEAN_TOKEN, the Spaces keys and TF_VAR_slack_webhook_url come
# from the environment (see infrastructure/README.md). Addresses below are documentation ranges:
# replace them with your admin networks before the first apply.
project             = "opsctl"
environment         = "staging"
project_environment = "Staging"
region              = "fra1"
vpc_ip_range        = "10.20.0.0/20"

admin_ssh_cidrs = ["203.0.113.0/24"]

# Account-specific: the plan stops with an explanation until these are filled in.
ssh_key_fingerprints  = []
admin_ssh_public_keys = []

domain          = "staging-api.example.com"
manage_registry = true

api_droplet_count = 2
api_droplet_size  = "s-1vcpu-2gb"

postgres_size       = "db-s-1vcpu-2gb"
postgres_node_count = 2
database_name       = "opsctl"
database_user       = "opsctl_api"
cache_size          = "db-s-1vcpu-1gb"

backups_bucket_suffix = "a7k2"
backup_retention_days = 30

alert_emails  = ["ops@example.com"]
slack_channel = "#opsctl-alerts"
