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
 * One image archive of the offline bundle imported into the container runtime, where kubelet
 * finds it: containerd's {@code k8s.io} namespace ({@code ctr -n k8s.io images ls -q} /
 * {@code ctr -n k8s.io images import}) or docker's image store ({@code docker images} /
 * {@code docker load -i}). Done when the runtime lists every image the archive names; the
 * archive is uploaded to {@value #DIRECTORY} and imported only when one is missing.
 */
public final class ImageImport
        implements Step
{
    static final String DIRECTORY = "/var/lib/kiln/images";

    private final ImageArchive archive;
    private final boolean docker;

    /** {@code docker} picks docker's image store, else containerd's {@code k8s.io} namespace. */
    public ImageImport(ImageArchive archive, boolean docker)
    {
        this.archive = requireNonNull(archive, "archive is null");
        this.docker = docker;
    }

    @Override
    public String title()
    {
        return "import the images of " + archive.file().getFileName() + " into " + (docker ? "docker" : "containerd");
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
        host.output(title(), (docker ? "docker load -i " : "ctr -n k8s.io images import ") + Shell.quote(remote));
    }

    @Override
    public String missing()
    {
        return (docker ? "docker images" : "ctr -n k8s.io images ls") + " does not list " + String.join(", ", references());
    }

    private List<String> missingImages(Remote host)
    {
        Result listed = host.run(title(), docker ? "docker images --format '{{.Repository}}:{{.Tag}}'" : "ctr -n k8s.io images ls -q");
        Set<String> present = listed.succeeded() ? listed.output().lines().map(String::trim).collect(Collectors.toSet()) : Set.of();
        return references().stream().filter(reference -> !present.contains(reference)).toList();
    }

    /** The archive's images as the runtime lists them: docker leaves off docker.io/library/ and docker.io/. */
    private List<String> references()
    {
        if (!docker) {
            return archive.references();
        }
        return archive.references().stream().map(reference -> reference.replaceFirst("^docker\\.io/library/", "").replaceFirst("^docker\\.io/", "")).toList();
    }
}
