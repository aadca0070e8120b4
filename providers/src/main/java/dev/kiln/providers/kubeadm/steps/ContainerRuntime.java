package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.render.KubeletUnit;
import dev.kiln.providers.kubeadm.render.RuntimeConfig;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container runtime, installed (from the bundle's {@code containerd/} or the distribution's
 * package), configured (containerd's config.toml and hosts.toml per mirrored registry, or
 * docker's daemon.json) and running. Done when the runtime answers {@code --version}, every
 * configuration file has the rendered content and systemd reports the service active (and, for
 * docker, {@code docker info} reports the systemd cgroup driver kubelet is configured for).
 */
public final class ContainerRuntime
        implements Step
{
    private final Installation installation;
    private final String version;

    public ContainerRuntime(Installation installation, String version)
    {
        this.installation = installation;
        this.version = version;
    }

    @Override
    public String title()
    {
        return docker() ? "install and configure docker" : "install and configure containerd";
    }

    @Override
    public boolean done(Remote host)
    {
        String service = service();
        return host.run(title(), service + " --version").succeeded()
                && RemoteFiles.same(host, title(), files())
                && host.run(title(), "systemctl is-active " + service).output().trim().equals("active")
                && (!docker() || host.run(title(), "docker info --format '{{.CgroupDriver}}'").output().trim().equals("systemd"));
    }

    @Override
    public void act(Remote host)
    {
        String service = service();
        if (!host.run(title(), service + " --version").succeeded()) {
            install(host);
        }
        RemoteFiles.write(host, title(), files(), 0644);
        host.output(title(), "systemctl daemon-reload && systemctl enable " + service + " && systemctl restart " + service);
    }

    @Override
    public String missing()
    {
        return service() + " is not active with the rendered configuration" + (docker() ? " and the systemd cgroup driver" : "");
    }

    private void install(Remote host)
    {
        List<Path> binaries = installation.bundle().map(bundle -> bundle.files("containerd")).orElse(List.of());
        if (!docker() && !binaries.isEmpty()) {
            for (Path binary : binaries) {
                host.upload(title(), binary, Installation.BUNDLE_BINARIES + "/" + binary.getFileName(), 0755);
            }
            host.write(title(), KubeletUnit.containerdUnit(), "/etc/systemd/system/containerd.service", 0644);
            return;
        }
        String packageName = docker() ? "docker.io" : "containerd";
        String pinned = installation.cluster().runtime().version().map(wanted -> packageName + "=" + wanted + "*").orElse(packageName);
        host.output(title(), "DEBIAN_FRONTEND=noninteractive apt-get install -y " + Shell.quote(pinned));
    }

    private Map<String, String> files()
    {
        ClusterSpec cluster = installation.cluster();
        TreeMap<String, String> files = new TreeMap<>();
        if (docker()) {
            files.put(RuntimeConfig.DOCKER_CONFIG, RuntimeConfig.docker(cluster));
            return files;
        }
        files.put(RuntimeConfig.CONTAINERD_CONFIG, RuntimeConfig.containerd(cluster, version));
        RuntimeConfig.containerdHosts(cluster).forEach((registry, content) -> files.put(RuntimeConfig.CERTS_DIRECTORY + "/" + registry + "/hosts.toml", content));
        return files;
    }

    private boolean docker()
    {
        return installation.cluster().runtime().type().equals(ClusterSpec.Runtime.DOCKER);
    }

    private String service()
    {
        return docker() ? "docker" : "containerd";
    }
}
