locals {
scripts = [
<<-EOT
      echo one
    EOT
,
"two",
]
config = yamlencode({
motd = <<EOT
hello
EOT
})
}
