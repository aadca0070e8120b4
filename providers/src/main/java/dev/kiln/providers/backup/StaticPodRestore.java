package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores a snapshot onto every member of a kubeadm control plane: copies the snapshot to
 * each node, stops the control-plane static pods everywhere (moves their manifests out of
 * the manifests directory, so the kubelet stops them) and waits until etcd is down, restores
 * each member's data with its own name and peer URL in the full initial cluster, swaps the
 * data in (the previous member directory kept inside the data directory), brings the manifests back,
 * and waits until every member and the API server are healthy. Until the data directories
 * are swapped, a failure puts the manifests back and leaves the old data in place.
 */
final class StaticPodRestore
{
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<ControlPlaneMember> members;
    private final KubeadmLayout layout;
    private final Duration timeout;
    private final RestoreProgress progress;

    StaticPodRestore(List<ControlPlaneMember> members, KubeadmLayout layout, Duration timeout, RestoreProgress progress)
    {
        this.members = members;
        this.layout = layout;
        this.timeout = timeout;
        this.progress = progress;
    }

    void restore(SnapshotSource snapshot)
            throws IOException
    {
        String file = layout.scratchDirectory() + "/restore-" + snapshot.id() + ".db";
        for (ControlPlaneMember member : members) {
            member.host().require("create " + layout.scratchDirectory(), "mkdir -p " + ShellWords.quote(layout.scratchDirectory()) + " " + ShellWords.quote(layout.dataDirectory()));
            try (InputStream content = snapshot.open()) {
                member.host().write(file, content);
            }
            step(member, "copied the snapshot (" + snapshot.size() + " bytes) to " + file);
        }
        List<ControlPlaneMember> stopped = new ArrayList<>();
        boolean swapped = false;
        try {
            for (ControlPlaneMember member : members) {
                stopStaticPods(member);
                stopped.add(member);
            }
            for (ControlPlaneMember member : members) {
                awaitEtcd(member, false);
                step(member, "etcd stopped");
            }
            for (ControlPlaneMember member : members) {
                restoreData(member, file, snapshot.id());
            }
            for (ControlPlaneMember member : members) {
                swapData(member, snapshot.id());
            }
            swapped = true;
        }
        finally {
            if (!swapped) {
                for (ControlPlaneMember member : stopped) {
                    startStaticPods(member);
                }
            }
        }
        for (ControlPlaneMember member : members) {
            startStaticPods(member);
        }
        for (ControlPlaneMember member : members) {
            awaitEtcd(member, true);
            step(member, "etcd healthy");
        }
        awaitApiServer();
        for (ControlPlaneMember member : members) {
            member.host().run("rm -f " + ShellWords.quote(file));
        }
    }

    private void stopStaticPods(ControlPlaneMember member)
            throws IOException
    {
        String command = "mkdir -p " + ShellWords.quote(layout.parkedManifestsDirectory()) + KubeadmLayout.STATIC_PODS.stream()
                .map(pod -> " && if [ -f " + ShellWords.quote(layout.manifest(layout.manifestsDirectory(), pod)) + " ]; then mv "
                        + ShellWords.quote(layout.manifest(layout.manifestsDirectory(), pod)) + " "
                        + ShellWords.quote(layout.manifest(layout.parkedManifestsDirectory(), pod)) + "; fi")
                .reduce("", String::concat);
        member.host().require("stop the control-plane static pods", command);
        step(member, "stopped the control-plane static pods (manifests moved to " + layout.parkedManifestsDirectory() + ")");
    }

    private void startStaticPods(ControlPlaneMember member)
            throws IOException
    {
        String command = KubeadmLayout.STATIC_PODS.reversed().stream()
                .map(pod -> "if [ -f " + ShellWords.quote(layout.manifest(layout.parkedManifestsDirectory(), pod)) + " ]; then mv "
                        + ShellWords.quote(layout.manifest(layout.parkedManifestsDirectory(), pod)) + " "
                        + ShellWords.quote(layout.manifest(layout.manifestsDirectory(), pod)) + "; fi")
                .reduce("true", (left, right) -> left + " && " + right);
        member.host().require("start the control-plane static pods", command);
        step(member, "started the control-plane static pods (manifests back in " + layout.manifestsDirectory() + ")");
    }

    private void restoreData(ControlPlaneMember member, String file, String id)
            throws IOException
    {
        String target = restoreDirectory(id);
        member.host().require("restore the snapshot", "rm -rf " + ShellWords.quote(target) + " && " + layout.etcdctl(member.clientUrl(), List.of(
                "snapshot", "restore", file,
                "--name", member.name(),
                "--initial-cluster", StaticPodEtcd.initialCluster(members),
                "--initial-cluster-token", layout.initialClusterToken(),
                "--initial-advertise-peer-urls", member.peerUrl(),
                "--data-dir", target)));
        step(member, "restored the snapshot into " + target + " as member " + member.name());
    }

    /**
     * Swaps the member directory inside the data directory (which may be a mount point, so
     * it is never renamed itself): the current one moves to {@code .kiln-before-ID}, the
     * restored one takes its place. Every rename stays on the data directory's file system.
     */
    private void swapData(ControlPlaneMember member, String id)
            throws IOException
    {
        String data = layout.dataDirectory();
        String previous = previousDirectory(id);
        member.host().require("swap etcd's data directory", "rm -rf " + ShellWords.quote(previous) + " && mkdir -p " + ShellWords.quote(previous)
                + " && if [ -d " + ShellWords.quote(data + "/member") + " ]; then mv " + ShellWords.quote(data + "/member") + " " + ShellWords.quote(previous + "/member") + "; fi"
                + " && mv " + ShellWords.quote(restoreDirectory(id) + "/member") + " " + ShellWords.quote(data + "/member")
                + " && rm -rf " + ShellWords.quote(restoreDirectory(id)));
        step(member, "swapped etcd's data (the previous data kept in " + previous + ")");
    }

    private String restoreDirectory(String id)
    {
        return layout.dataDirectory() + "/.kiln-restore-" + id;
    }

    private String previousDirectory(String id)
    {
        return layout.dataDirectory() + "/.kiln-before-" + id;
    }

    private void awaitEtcd(ControlPlaneMember member, boolean healthy)
            throws IOException
    {
        String check = layout.etcdctl(member.clientUrl(), List.of("--dial-timeout", "1s", "--command-timeout", "2s", "endpoint", "health"));
        await(member.host().name() + ": etcd did not become " + (healthy ? "healthy" : "unreachable"),
                () -> (member.host().run(check).exitCode() == 0) == healthy);
    }

    private void awaitApiServer()
            throws IOException
    {
        ControlPlaneMember first = members.getFirst();
        String parked = layout.manifest(layout.manifestsDirectory(), "kube-apiserver");
        if (first.host().run("test -f " + ShellWords.quote(parked)).exitCode() != 0) {
            step(first, "no kube-apiserver static pod on this node: the API server check is skipped");
            return;
        }
        String check = layout.kubectl() + " get --raw /readyz";
        await(first.host().name() + ": the API server did not become ready", () -> first.host().run(check).exitCode() == 0);
        step(first, "API server ready");
    }

    private void step(ControlPlaneMember member, String step)
    {
        progress.step(member.host().name(), step);
    }

    @FunctionalInterface
    private interface Condition
    {
        boolean holds()
                throws IOException;
    }

    private void await(String failure, Condition condition)
            throws IOException
    {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(failure + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(failure + ": interrupted");
            }
        }
    }
}
