locals {
  name_prefix = "${var.project}-${var.environment}"
}

resource "digitalocean_spaces_bucket" "backups" {
  name   = "${local.name_prefix}-backups-${var.bucket_suffix}"
  region = var.region
  acl    = "private"

  # Versioning keeps a dump that was overwritten or deleted by mistake (or by an attacker holding
  # the backup key) recoverable for noncurrent_retention_days.
  versioning {
    enabled = true
  }

  lifecycle_rule {
    id                                     = "expire-database-dumps"
    enabled                                = true
    prefix                                 = var.backup_prefix
    abort_incomplete_multipart_upload_days = 1

    expiration {
      days = var.backup_retention_days
    }

    noncurrent_version_expiration {
      days = var.noncurrent_retention_days
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}
