terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    digitalocean = {
      source  = "digitalocean/digitalocean"
      version = "~> 2.68.0"
    }
  }

  # State lives in a Spaces bucket through the S3 backend. Locking uses the S3-native lock file
  # (<key>.tflock written with a conditional PUT); see infrastructure/README.md for why and how
  # scripts/init.sh checks that the endpoint honours it. Credentials come from AWS_ACCESS_KEY_ID and
  # AWS_SECRET_ACCESS_KEY (a Spaces key), never from this file.
  backend "s3" {
    bucket       = "opsctl-terraform-state"
    key          = "production/terraform.tfstate"
    region       = "us-east-1"
    use_lockfile = true

    endpoints = {
      s3 = "https://fra1.digitaloceanspaces.com"
    }

    skip_credentials_validation = true
    skip_requesting_account_id  = true
    skip_metadata_api_check     = true
    skip_region_validation      = true
    skip_s3_checksum            = true
  }
}

# The token comes from DIGITALOCEAN_TOKEN and the Spaces keys from SPACES_ACCESS_KEY_ID and
# SPACES_SECRET_ACCESS_KEY in the environment.
provider "digitalocean" {}
