package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The container runtime's configuration: containerd's {@code config.toml} (data directory,
 * sandbox image, systemd cgroups, mirror configuration under {@code certs.d}) with one
 * {@code hosts.toml} per upstream registry, or docker's {@code daemon.json}.
 */
public final class RuntimeConfig
{
    public static final String CONTAINERD_CONFIG = "/etc/containerd/config.toml";
    public static final String CERTS_DIRECTORY = "/etc/containerd/certs.d";
    public static final String DOCKER_CONFIG = "/etc/docker/daemon.json";

    private RuntimeConfig() {}

    public static String containerd(ClusterSpec cluster, String version)
    {
        return """
                # Written by Kiln for cluster %s; changes are overwritten.
                version = 2
                root = %s
                state = "/run/containerd"

                [grpc]
                  address = "/run/containerd/containerd.sock"

                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = %s

                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                  runtime_type = "io.containerd.runc.v2"

                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                  SystemdCgroup = true

                [plugins."io.containerd.grpc.v1.cri".registry]
                  config_path = "%s"
                """.formatted(cluster.name(), Yaml.quote(cluster.runtime().dataDirectory()), Yaml.quote(Images.sandbox(cluster, version)), CERTS_DIRECTORY);
    }

    /**
     * {@code hosts.toml} by upstream registry name: each mirror of the cluster's registry
     * and each of the runtime's {@code registry_mirrors} is tried before the upstream; an
     * insecure registry is reached over plain HTTP or without verifying its certificate.
     */
    public static SortedMap<String, String> containerdHosts(ClusterSpec cluster)
    {
        TreeMap<String, List<String>> mirrors = new TreeMap<>();
        TreeMap<String, Boolean> insecure = new TreeMap<>();
        cluster.registry().ifPresent(registry -> {
            for (String upstream : registry.mirrors()) {
                mirrors.computeIfAbsent(upstream, ignored -> new ArrayList<>()).add(registry.url());
                insecure.put(registry.url(), registry.insecure());
            }
            mirrors.computeIfAbsent(registry.address(), ignored -> new ArrayList<>()).add(registry.url());
            insecure.put(registry.url(), registry.insecure());
        });
        for (String mirror : cluster.runtime().registryMirrors()) {
            mirrors.computeIfAbsent("docker.io", ignored -> new ArrayList<>()).add(mirror);
        }
        for (String registry : cluster.runtime().insecureRegistries()) {
            String url = "http://" + registry;
            mirrors.computeIfAbsent(registry, ignored -> new ArrayList<>()).add(url);
            insecure.put(url, true);
        }
        TreeMap<String, String> files = new TreeMap<>();
        mirrors.forEach((upstream, urls) -> files.put(upstream, hosts(upstream, urls, insecure)));
        return files;
    }

    public static String docker(ClusterSpec cluster)
    {
        List<String> mirrors = new ArrayList<>(cluster.runtime().registryMirrors());
        List<String> insecure = new ArrayList<>(cluster.runtime().insecureRegistries());
        cluster.registry().ifPresent(registry -> {
            if (registry.mirrors().contains("docker.io")) {
                mirrors.add(registry.url());
            }
            if (registry.insecure() || registry.url().startsWith("http://")) {
                insecure.add(registry.address());
            }
        });
        return "{\n"
                + "  \"data-root\": " + Yaml.quote(cluster.runtime().dataDirectory()) + ",\n"
                + "  \"exec-opts\": [\"native.cgroupdriver=systemd\"],\n"
                + "  \"registry-mirrors\": " + Yaml.list(mirrors.stream().distinct().toList()) + ",\n"
                + "  \"insecure-registries\": " + Yaml.list(insecure.stream().distinct().toList()) + "\n"
                + "}\n";
    }

    private static String hosts(String upstream, List<String> urls, TreeMap<String, Boolean> insecure)
    {
        String server = upstream.equals("docker.io") ? "https://registry-1.docker.io"
                : urls.contains("http://" + upstream) ? "http://" + upstream : "https://" + upstream;
        return "server = " + Yaml.quote(server) + "\n" + urls.stream().distinct()
                .map(url -> "\n[host." + Yaml.quote(url) + "]\n  capabilities = [\"pull\", \"resolve\"]\n"
                        + (insecure.getOrDefault(url, false) ? "  skip_verify = true\n" : ""))
                .collect(Collectors.joining());
    }
}
