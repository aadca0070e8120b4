# Alauda Container Platform's global cluster on VMware vSphere, created
# through Cluster API (the vSphere provider, CAPV) under Alauda's naming
# policy: the Cluster and its infrastructure cluster are named exactly
# "global", and every other object Kiln makes is prefixed "global-".
#
# Shows: the naming policy, a control-plane virtual IP, the kubeadm config
# format (ignition for immutable node images, cloud-init otherwise), the
# cpaas.io/registry-address annotation the platform reads, extra SANs on
# etcd's server certificate, pod and service CIDRs, and an API-server
# encryption provider config rendered with templatefile() from a sensitive
# key.
#
#   export KILN_VAR_bootstrap_kubeconfig="$(cat bootstrap.kubeconfig)"
#   export KILN_VAR_vsphere_password='…' KILN_VAR_encryption_key="$(head -c 32 /dev/urandom | base64)"
#   ./kiln -chdir=examples/global-cluster plan
#
# To only validate:
#   ./kiln -chdir=examples/global-cluster validate -var-file=test.kilnvars

kiln {
  required_version = ">= 0.1.0"
}

provider "capi" {
  kubeconfig = var.bootstrap_kubeconfig
  namespace  = "cpaas-system"
}

locals {
  control_plane_vip = var.control_plane_vip

  # etcd's server certificate must name the VIP and every control-plane address.
  etcd_server_cert_sans = concat(
    [local.control_plane_vip, "etcd.${var.base_domain}"],
    var.control_plane_addresses,
  )
}

cluster "global" {
  provider              = capi
  kubernetes_version    = var.kubernetes_version
  naming_policy         = "global"
  kubeadm_config_format = "ignition"
  cert_sans             = [local.control_plane_vip, "global.${var.base_domain}"]

  annotations = {
    "cpaas.io/registry-address" = var.registry_address
  }

  control_plane {
    replicas = 3
    endpoint = "${local.control_plane_vip}:6443"

    machine {
      cpus       = 8
      memory_mib = 16384
      disk_gib   = 100
    }
  }

  # Under the naming policy this pool's objects are named "global-workers".
  worker_pool "workers" {
    replicas = 3

    machine {
      cpus       = 8
      memory_mib = 16384
      disk_gib   = 200
    }
  }

  network {
    pod_cidr     = "10.3.0.0/16"
    service_cidr = "10.4.0.0/16"
  }

  etcd {
    server_cert_sans = local.etcd_server_cert_sans
  }

  encryption_provider_config = templatefile("${path.module}/encryption-provider-config.yaml.tpl", {
    key = var.encryption_key
  })

  infrastructure "vsphere" {
    server        = var.vsphere_server
    thumbprint    = var.vsphere_thumbprint
    username      = var.vsphere_username
    password      = var.vsphere_password
    datacenter    = "dc1"
    datastore     = "vsanDatastore"
    network       = "VM Network"
    resource_pool = "/dc1/host/cluster1/Resources/acp"
    folder        = "/dc1/vm/acp"
    template      = var.vm_template
  }
}
