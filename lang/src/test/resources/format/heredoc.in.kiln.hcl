cluster "prod" {
kubeadm_patch = <<EOT
  apiServer:
      extraArgs:   
        audit-log-maxage: "30"
EOT
  motd = <<-EOT
    Welcome to ${var.name}.
      Indented line.
    EOT
name = "prod"
region = "eu"
script = <<EOT
echo hi
EOT
}
