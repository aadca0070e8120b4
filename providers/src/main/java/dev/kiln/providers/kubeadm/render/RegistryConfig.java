package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.RegistrySpec;

/** The configuration of a managed registry: Debian's {@code docker-registry} (distribution) on its node. */
public final class RegistryConfig
{
    public static final String PATH = "/etc/docker/registry/config.yml";

    private RegistryConfig() {}

    public static String render(RegistrySpec.Managed managed)
    {
        return """
                # Written by Kiln; changes are overwritten.
                version: 0.1
                log:
                  fields:
                    service: registry
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: %s
                health:
                  storagedriver:
                    enabled: true
                    interval: 10s
                    threshold: 3
                """.formatted(Yaml.quote(managed.storageDirectory()), Yaml.quote(managed.node().address() + ":" + managed.port()));
    }
}
