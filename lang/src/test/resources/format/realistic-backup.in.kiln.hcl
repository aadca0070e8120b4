locals {
  registry_host="registry.internal:5000"
  mirrors = {for name, url in var.upstreams: name => "${local.registry_host}/${name}"}
}

registry "internal" {
  address=local.registry_host
  mirrors=local.mirrors
  tls{insecure=true}
}

backup_point "minio" {
    kind    = "s3"
    bucket  = "etcd-backups"
    endpoint= "http://127.0.0.1:9000"
    credentials {
        access_key = var.minio_access_key   # from the environment
        secret_key = var.minio_secret_key   # sensitive
    }
}

etcd_backup "nightly" {
  cluster = cluster.prod
  to = backup_point.minio
  schedule = "0 2 * * *"
  retention = {
    keep_last = 7
    keep_daily = 30
  }
  tags = merge(local.common_tags, {
    purpose = "disaster-recovery"
  })
}
