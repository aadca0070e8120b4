package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Result;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.version.ImageArchive;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One image archive of the offline bundle imported into containerd's {@code k8s.io}
 * namespace, where kubelet finds it. Done when {@code ctr -n k8s.io images ls -q} lists every
 * image the archive names; the archive is uploaded to {@value #DIRECTORY} and imported with
 * {@code ctr -n k8s.io images import} only when one is missing.
 */
public final class ImageImport
        implements Step
{
    static final String DIRECTORY = "/var/lib/kiln/images";

    private final ImageArchive archive;

    public ImageImport(ImageArchive archive)
    {
        this.archive = requireNonNull(archive, "archive is null");
    }

    @Override
    public String title()
    {
        return "import the images of " + archive.file().getFileName() + " into containerd";
    }

    @Override
    public boolean done(Remote host)
    {
        return missingImages(host).isEmpty();
    }

    @Override
    public void act(Remote host)
    {
        String remote = DIRECTORY + "/" + archive.file().getFileName();
        host.upload(title(), archive.file(), remote, 0644);
        host.output(title(), "ctr -n k8s.io images import " + Shell.quote(remote));
    }

    @Override
    public String missing()
    {
        return "ctr -n k8s.io images ls does not list " + String.join(", ", archive.references());
    }

    private List<String> missingImages(Remote host)
    {
        Result listed = host.run(title(), "ctr -n k8s.io images ls -q");
        Set<String> present = listed.succeeded() ? listed.output().lines().map(String::trim).collect(Collectors.toSet()) : Set.of();
        return archive.references().stream().filter(reference -> !present.contains(reference)).toList();
    }
}
