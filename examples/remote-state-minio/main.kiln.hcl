# Keep Kiln's state in a MinIO bucket so a team and CI share one state, with
# a lock object so two applies never run at once.
#
# Shows: kiln { state "s3" { … } } with a custom endpoint and path-style
# addressing (MinIO serves buckets under paths, not sub-domains), access and
# secret keys from sensitive variables, and state encryption at rest. The
# cluster itself runs on the simulator, so the example needs only a MinIO.
#
#   export KILN_VAR_minio_access_key=… KILN_VAR_minio_secret_key=…
#   export KILN_VAR_state_passphrase=…
#   ./kiln -chdir=examples/remote-state-minio plan
#
# To only validate:
#   ./kiln -chdir=examples/remote-state-minio validate -var-file=test.kilnvars

kiln {
  required_version = ">= 0.1.0"

  state "s3" {
    endpoint   = var.minio_endpoint
    bucket     = "kiln-state"
    key        = "clusters/${var.environment}/kiln.state.json"
    region     = "us-east-1"
    path_style = true
    access_key = var.minio_access_key
    secret_key = var.minio_secret_key
  }

  encryption {
    passphrase = var.state_passphrase
  }
}

provider "sim" {
  speed = 100
}

node "control" {
  address = "10.50.0.10"
  roles   = ["control-plane"]
}

node "worker" {
  count   = 2
  address = cidrhost("10.50.0.0/24", 20 + count.index)
  roles   = ["worker"]
}

cluster "shared" {
  provider           = sim
  kubernetes_version = "v1.31.2"

  control_plane {
    nodes = [node.control]
  }

  worker_pool "default" {
    nodes = node.worker[*]
  }

  labels = {
    "kiln.dev/environment" = var.environment
  }
}
