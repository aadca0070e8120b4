package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.render.Calico;
import dev.kiln.providers.kubeadm.render.Images;
import dev.kiln.providers.kubeadm.render.StorageManifests;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.StorageSpec;
import dev.kiln.providers.kubeadm.steps.RemoteFiles;
import dev.kiln.providers.kubeadm.steps.Step;
import dev.kiln.providers.kubeadm.steps.StepRunner;
import dev.kiln.providers.kubeadm.version.Releases;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Manifests applied with the admin kubeconfig on a control plane: Calico (the Tigera operator
 * and its Installation) and each storage class with its provisioner. Each is written under
 * {@code /var/lib/kiln/addons/} (mode 0600: a Ceph manifest holds a key) and applied; it is
 * done when the applied copy has the rendered content and {@code kubectl get -f} finds every
 * object it declares.
 */
public final class Addons
{
    static final String DIRECTORY = Bootstrap.KILN_DIRECTORY + "/addons";

    private Addons() {}

    public static void apply(ClusterWork work, ControlPlaneAccess access, String version)
    {
        ClusterSpec cluster = work.cluster();
        String calicoVersion = cluster.network().calico().version().orElse(Calico.DEFAULT_VERSION);
        Optional<Path> operator = work.installation().bundle().flatMap(bundle -> bundle.file("calico/tigera-operator.yaml"));
        String registry = Images.repository(cluster, version).equals(Releases.upstreamRegistry(version)) ? "" : Images.repository(cluster, version);
        StepRunner.run(access.host(), new Manifest(access, "calico-operator", Optional.empty(), operator,
                operator.isPresent() ? Optional.empty() : Optional.of(Calico.operatorUrl(calicoVersion))), work.context());
        StepRunner.run(access.host(), new Manifest(access, "calico", Optional.of(Calico.installation(cluster, registry)), Optional.empty(), Optional.empty()),
                work.context());
        for (StorageSpec storage : cluster.storages()) {
            if (storage instanceof StorageSpec.Ceph ceph) {
                access.host().addSecret(ceph.key().reveal());
            }
            StepRunner.run(access.host(), new Manifest(access, StorageManifests.name(storage), Optional.of(StorageManifests.render(storage)),
                    Optional.empty(), Optional.empty()), work.context());
        }
    }

    /** One manifest: rendered text, a file from the bundle, or a URL kubectl fetches itself. */
    private record Manifest(ControlPlaneAccess access, String name, Optional<String> content, Optional<Path> file, Optional<String> url)
            implements Step
    {
        @Override
        public String title()
        {
            return "apply " + name;
        }

        @Override
        public boolean done(Remote host)
        {
            if (url.isPresent()) {
                return host.run(title(), "test -f " + marker()).succeeded();
            }
            return host.run(title(), "test -f " + marker() + " && cmp -s " + path() + " " + marker()).succeeded()
                    && content.map(text -> sameContent(host, text)).orElse(true)
                    && access.kubectlSucceeds(title(), "get -f " + marker() + " -o name");
        }

        @Override
        public void act(Remote host)
        {
            if (url.isPresent()) {
                access.kubectl(title(), "apply --server-side -f " + Shell.quote(url.get()));
                host.output(title(), "mkdir -p " + DIRECTORY + " && echo " + Shell.quote(url.get()) + " > " + marker());
                return;
            }
            content.ifPresent(text -> host.write(title(), text, path(), 0600));
            file.ifPresent(local -> host.upload(title(), local, path(), 0600));
            access.kubectl(title(), "apply --server-side --force-conflicts -f " + path());
            host.output(title(), "cp -f " + path() + " " + marker() + " && chmod 600 " + marker());
        }

        @Override
        public String missing()
        {
            return "kubectl does not find every object of " + name;
        }

        private boolean sameContent(Remote host, String text)
        {
            return host.run(title(), "cat " + path() + " | sha256sum").output().startsWith(RemoteFiles.sha256(text));
        }

        private String path()
        {
            return DIRECTORY + "/" + name + ".yaml";
        }

        private String marker()
        {
            return DIRECTORY + "/" + name + ".applied.yaml";
        }
    }
}
