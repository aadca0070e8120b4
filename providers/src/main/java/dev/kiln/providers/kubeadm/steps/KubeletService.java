package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.render.KubeletUnit;

import java.util.Map;

/**
 * kubelet's systemd unit and kubeadm's drop-in (for binaries from a bundle; packages bring
 * their own), enabled so it starts at boot. kubelet itself starts when kubeadm init or join
 * has written its configuration. Done when the files have the rendered content and systemd
 * reports the unit enabled.
 */
public final class KubeletService
        implements Step
{
    private final Installation installation;

    public KubeletService(Installation installation)
    {
        this.installation = installation;
    }

    @Override
    public String title()
    {
        return "enable the kubelet service";
    }

    @Override
    public boolean done(Remote host)
    {
        return RemoteFiles.same(host, title(), files())
                && host.run(title(), "systemctl is-enabled kubelet").output().trim().equals("enabled");
    }

    @Override
    public void act(Remote host)
    {
        RemoteFiles.write(host, title(), files(), 0644);
        host.output(title(), "systemctl daemon-reload && systemctl enable kubelet");
    }

    @Override
    public String missing()
    {
        return "systemd does not report kubelet enabled with the rendered unit";
    }

    private Map<String, String> files()
    {
        if (installation.bundle().isEmpty()) {
            return Map.of();
        }
        return Map.of(KubeletUnit.UNIT_PATH, KubeletUnit.unit(), KubeletUnit.DROP_IN_PATH, KubeletUnit.dropIn());
    }
}
