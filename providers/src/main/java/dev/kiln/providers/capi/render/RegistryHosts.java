package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.config.model.Registry;
import dev.kiln.lang.config.model.Setting;

import java.util.ArrayList;
import java.util.List;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * containerd registry host files ({@code /etc/containerd/certs.d/<mirror>/hosts.toml}) that
 * send pulls of each mirrored registry ({@code mirrors = ["docker.io", …]}) to the cluster's
 * registry endpoint, written to every machine before kubeadm runs.
 */
final class RegistryHosts
{
    static final String RELOAD_COMMAND = "systemctl restart containerd";
    private static final String DIRECTORY = "/etc/containerd/certs.d/";

    private RegistryHosts() {}

    record HostFile(String path, JsonNode content) {}

    static List<HostFile> files(RenderContext context)
    {
        if (context.inputs().registry().isEmpty()) {
            return List.of();
        }
        Registry registry = context.inputs().registry().get();
        if (registry.endpoint().isEmpty()) {
            return List.of();
        }
        Setting<String> endpoint = registry.endpoint().get();
        boolean insecure = registry.insecure().known().orElse(false);
        List<HostFile> files = new ArrayList<>();
        for (String mirror : registry.mirrors().known().orElse(List.of())) {
            JsonNode content = endpoint.known()
                    .<JsonNode>map(url -> NODES.textNode(hostsToml(mirror, url, insecure)))
                    .orElseGet(MarkedValues::unknown);
            files.add(new HostFile(DIRECTORY + mirror + "/hosts.toml", content));
        }
        return files;
    }

    private static String hostsToml(String mirror, String endpoint, boolean insecure)
    {
        String url = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        return "server = \"https://" + mirror + "\"\n\n"
                + "[host.\"" + url + "\"]\n"
                + "  capabilities = [\"pull\", \"resolve\"]\n"
                + (insecure ? "  skip_verify = true\n" : "");
    }
}
