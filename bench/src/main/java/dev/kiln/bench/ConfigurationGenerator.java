package dev.kiln.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a large, valid configuration: {@code clusters} clusters sharing {@code nodes} literal
 * {@code node} blocks evenly (three control planes each, the rest workers), spread over one
 * file per cluster, plus variables, locals, a provider, a backup point, and a few blocks that
 * use {@code count} and {@code for_each} the way real configurations do.
 */
final class ConfigurationGenerator
{
    static final int CONTROL_PLANES = 3;
    private static final String[] ZONES = {"zone-a", "zone-b", "zone-c"};

    private ConfigurationGenerator() {}

    /** Writes the files into {@code directory} and returns their paths. */
    static List<Path> write(Path directory, int nodes, int clusters)
            throws IOException
    {
        if (clusters < 1 || nodes < clusters * (CONTROL_PLANES + 1)) {
            throw new IllegalArgumentException("need at least " + (CONTROL_PLANES + 1) + " nodes per cluster");
        }
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        files.add(write(directory.resolve("main.kiln.hcl"), common()));
        for (int cluster = 0; cluster < clusters; cluster++) {
            int first = nodes * cluster / clusters;
            int last = nodes * (cluster + 1) / clusters;
            files.add(write(directory.resolve("cluster-%03d.kiln.hcl".formatted(cluster)), cluster(cluster, last - first)));
        }
        return files;
    }

    private static Path write(Path file, String content)
            throws IOException
    {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String common()
    {
        return """
                variable "ssh_user" {
                  type        = string
                  default     = "ops"
                  description = "The user Kiln logs in as on every node."
                }

                variable "kubernetes_version" {
                  type    = string
                  default = "v1.31.2"
                }

                variable "backup_keep" {
                  type    = number
                  default = 7

                  validation {
                    condition     = var.backup_keep >= 1
                    error_message = "Keep at least one backup."
                  }
                }

                locals {
                  common_labels = {
                    "kiln.dev/managed" = "true"
                    team               = "platform"
                  }
                  zones = ["zone-a", "zone-b", "zone-c"]
                }

                provider "kubeadm" {}

                backup_point "archive" {
                  fs {
                    path = "/srv/kiln/backups"
                  }
                }

                output "zone_count" {
                  value = length(local.zones)
                }
                """;
    }

    private static String cluster(int cluster, int nodeCount)
    {
        String name = "c%03d".formatted(cluster);
        StringBuilder text = new StringBuilder();
        List<String> controlPlanes = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (int index = 0; index < nodeCount; index++) {
            boolean controlPlane = index < CONTROL_PLANES;
            String node = controlPlane ? "%s_m%d".formatted(name, index + 1) : "%s_w%03d".formatted(name, index - CONTROL_PLANES + 1);
            (controlPlane ? controlPlanes : workers).add("node." + node);
            text.append(node(node, name, address(cluster, index), controlPlane, index));
        }
        if (cluster % 25 == 0) {
            text.append(countedNodes(name, cluster));
        }
        text.append(clusterBlock(name, cluster, controlPlanes, workers));
        return text.toString();
    }

    private static String node(String node, String cluster, String address, boolean controlPlane, int index)
    {
        return """
                node "%s" {
                  address = "%s"
                  region  = "%s"
                  roles   = ["%s"]
                  labels  = merge(local.common_labels, { "kiln.dev/cluster" = "%s", rack = "r%d" })

                  ssh {
                    user = var.ssh_user
                    port = 22
                    sudo = true
                  }
                }

                """.formatted(node, address, ZONES[index % ZONES.length], controlPlane ? "control-plane" : "worker", cluster, index % 8);
    }

    /** Spare nodes declared with count and for_each, as an operator adds capacity. */
    private static String countedNodes(String cluster, int clusterIndex)
    {
        return """
                node "%1$s_spare" {
                  count   = 2
                  address = cidrhost("%2$s", count.index + 200)
                  roles   = ["worker"]
                  labels  = { spare = "true", index = tostring(count.index) }
                }

                node "%1$s_edge" {
                  for_each = { "zone-a" = 240, "zone-b" = 241, "zone-c" = 242 }
                  address  = cidrhost("%2$s", each.value)
                  region   = each.key
                  roles    = ["worker"]
                }

                """.formatted(cluster, subnet(clusterIndex));
    }

    private static String clusterBlock(String name, int cluster, List<String> controlPlanes, List<String> workers)
    {
        return """
                cluster "%s" {
                  kubernetes_version = var.kubernetes_version
                  cert_sans          = ["%s.k8s.example.com"]
                  labels             = merge(local.common_labels, { cluster = "%s" })

                  control_plane {
                    nodes    = [%s]
                    endpoint = "%s"
                  }

                  worker_pool "default" {
                    nodes           = [%s]
                    max_unavailable = "10%%"
                    labels          = { pool = "default" }
                  }

                  network {
                    pod_cidr     = "10.244.0.0/16"
                    service_cidr = "10.96.0.0/12"
                    dns_domain   = "cluster.local"

                    cni "calico" {
                      mode = "overlay-vxlan-all"
                      mtu  = 1440
                    }
                  }

                  runtime {
                    type    = "containerd"
                    version = "1.7.13"
                  }

                  backup {
                    point    = backup_point.archive
                    schedule = "0 %d * * *"
                    keep     = var.backup_keep
                  }
                }

                """.formatted(name, name, name, String.join(", ", controlPlanes), address(cluster, 250),
                String.join(", ", workers), cluster % 24);
    }

    /** 172.16.0.0/12, a /24 per cluster and node group: never inside the pod or service networks. */
    private static String address(int cluster, int index)
    {
        int block = cluster * 2 + index / 250;
        return "172.%d.%d.%d".formatted(16 + block / 256, block % 256, index % 250 + 1);
    }

    private static String subnet(int cluster)
    {
        int block = cluster * 2 + 1;
        return "172.%d.%d.0/24".formatted(16 + block / 256, block % 256);
    }
}
