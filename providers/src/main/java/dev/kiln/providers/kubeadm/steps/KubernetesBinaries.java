package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.version.Bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kubernetes' binaries at one release: from the bundle's {@code kubernetes/<version>/} (with
 * crictl and the CNI plugins when the bundle has them), or the {@code pkgs.k8s.io} packages (then
 * held with {@code apt-mark hold}, so no unattended upgrade moves them).
 * Done when each tool reports the release: {@code kubeadm version -o short},
 * {@code kubelet --version}, {@code kubectl version --client}.
 */
public final class KubernetesBinaries
        implements Step
{
    /** The tools this step installs. */
    public enum Tool
    {
        KUBEADM("kubeadm", "kubeadm version -o short"),
        KUBELET("kubelet", "kubelet --version"),
        KUBECTL("kubectl", "kubectl version --client 2>/dev/null | head -n 1");

        private final String binary;
        private final String versionCommand;

        Tool(String binary, String versionCommand)
        {
            this.binary = binary;
            this.versionCommand = versionCommand;
        }
    }

    private final Installation installation;
    private final String version;
    private final List<Tool> tools;

    public KubernetesBinaries(Installation installation, String version, List<Tool> tools)
    {
        this.installation = installation;
        this.version = version;
        this.tools = List.copyOf(tools);
    }

    public static KubernetesBinaries all(Installation installation, String version)
    {
        return new KubernetesBinaries(installation, version, List.of(Tool.values()));
    }

    @Override
    public String title()
    {
        return "install " + tools.stream().map(tool -> tool.binary).collect(Collectors.joining(", ")) + " " + version;
    }

    @Override
    public boolean done(Remote host)
    {
        return tools.stream().allMatch(tool -> reports(host, tool));
    }

    @Override
    public void act(Remote host)
    {
        if (installation.bundle().isPresent()) {
            installFromBundle(host, installation.bundle().get());
            return;
        }
        String packages = tools.stream().map(tool -> tool.binary + "=" + version.substring(1) + "-*").map(Shell::quote).collect(Collectors.joining(" "));
        String names = tools.stream().map(tool -> tool.binary).collect(Collectors.joining(" "));
        host.output(title(), "DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades --allow-change-held-packages " + packages
                + " && apt-mark hold " + names);
    }

    @Override
    public String missing()
    {
        return "not every one of " + tools.stream().map(tool -> tool.binary).collect(Collectors.joining(", ")) + " reports " + version;
    }

    private boolean reports(Remote host, Tool tool)
    {
        String output = host.run(title(), tool.versionCommand).output().trim();
        return output.equals(version) || output.endsWith(" " + version);
    }

    private void installFromBundle(Remote host, Bundle bundle)
    {
        for (Tool tool : tools) {
            Path binary = bundle.file("kubernetes/" + version + "/" + tool.binary)
                    .orElseThrow(() -> new StepFailedException(host.host(), title(), "the offline bundle has no kubernetes/" + version + "/" + tool.binary));
            host.upload(title(), binary, Installation.BUNDLE_BINARIES + "/" + tool.binary, 0755);
        }
        if (tools.contains(Tool.KUBELET)) {
            bundle.file("crictl/crictl").ifPresent(crictl -> host.upload(title(), crictl, Installation.BUNDLE_BINARIES + "/crictl", 0755));
            for (Path plugin : bundle.files("cni")) {
                host.upload(title(), plugin, "/opt/cni/bin/" + plugin.getFileName(), 0755);
            }
        }
    }
}
