package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kiln.state.blob.KnownLength;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The stacked etcd of a kubeadm control plane, reached on its nodes: {@code etcdctl} with
 * the cluster's client certificates for status and snapshots (saved to a scratch file on the
 * node, streamed back through the host's channel, then removed), {@code kubectl} for the
 * objects, and the static-pod dance for a restore ({@link StaticPodRestore}).
 */
public final class StaticPodEtcd
        implements ClusterEtcd
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every kind the object export reads; secrets stay in the snapshot only. */
    static final String EXPORTED_KINDS = String.join(",", List.of(
            "namespaces", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs",
            "configmaps", "services", "serviceaccounts", "ingresses", "persistentvolumeclaims", "persistentvolumes",
            "roles", "rolebindings", "clusterroles", "clusterrolebindings", "customresourcedefinitions"));

    private final String cluster;
    private final List<ControlPlaneMember> members;
    private final KubeadmLayout layout;
    private final Duration timeout;

    public StaticPodEtcd(String cluster, List<ControlPlaneMember> members, KubeadmLayout layout, Duration timeout)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.members = List.copyOf(members);
        this.layout = requireNonNull(layout, "layout is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (members.isEmpty()) {
            throw new IllegalArgumentException(cluster + " has no control-plane members");
        }
    }

    @Override
    public String cluster()
    {
        return cluster;
    }

    @Override
    public EtcdStatus status()
            throws IOException
    {
        return status(healthy());
    }

    @Override
    public <T> T snapshot(StreamReader<T> reader)
            throws IOException
    {
        ControlPlaneMember member = healthy();
        String scratch = scratchFile(".db");
        EtcdHost host = member.host();
        try {
            host.require("create " + layout.scratchDirectory(), "mkdir -p " + ShellWords.quote(layout.scratchDirectory()));
            host.require("save an etcd snapshot", layout.etcdctl(member.clientUrl(), List.of("snapshot", "save", scratch)));
            long size = Long.parseLong(host.require("read the snapshot's size", "stat -c %s " + ShellWords.quote(scratch)).strip());
            return host.read(scratch, content -> reader.read(new SizedStream(content, size)));
        }
        finally {
            host.run("rm -f " + ShellWords.quote(scratch) + " " + ShellWords.quote(scratch + ".part"));
        }
    }

    @Override
    public <T> T exportObjects(StreamReader<T> reader)
            throws IOException
    {
        EtcdHost host = healthy().host();
        String scratch = scratchFile(".yaml");
        try {
            host.require("create " + layout.scratchDirectory(), "mkdir -p " + ShellWords.quote(layout.scratchDirectory()));
            host.require("export the Kubernetes objects", "umask 077 && " + layout.kubectl() + " get " + EXPORTED_KINDS
                    + " --all-namespaces -o yaml > " + ShellWords.quote(scratch));
            return host.read(scratch, reader);
        }
        finally {
            host.run("rm -f " + ShellWords.quote(scratch));
        }
    }

    @Override
    public void restore(SnapshotSource snapshot, RestoreProgress progress)
            throws IOException
    {
        new StaticPodRestore(members, layout, timeout, progress).restore(snapshot);
    }

    /** The first member that answers a health check; an error naming every member when none does. */
    ControlPlaneMember healthy()
            throws IOException
    {
        List<String> failures = new ArrayList<>();
        for (ControlPlaneMember member : members) {
            CommandResult result = member.host().run(layout.etcdctl(member.clientUrl(), List.of("endpoint", "health")));
            if (result.exitCode() == 0) {
                return member;
            }
            failures.add(member.name() + " on " + member.host().name() + ": " + (result.error() + result.output()).strip());
        }
        throw new IOException("no healthy etcd member in " + cluster + ": " + String.join("; ", failures));
    }

    private EtcdStatus status(ControlPlaneMember member)
            throws IOException
    {
        String output = member.host().require("read etcd's status", layout.etcdctl(member.clientUrl(), List.of("endpoint", "status", "-w", "json")));
        JsonNode status = MAPPER.readTree(output).path(0).path("Status");
        if (!status.path("version").isTextual()) {
            throw new IOException(member.host().name() + ": etcd's status has no version: " + output.strip());
        }
        return new EtcdStatus(status.path("version").asText(), status.path("header").path("revision").asLong());
    }

    private String scratchFile(String suffix)
    {
        byte[] random = new byte[8];
        RandomGenerator.getDefault().nextBytes(random);
        return layout.scratchDirectory() + "/kiln-" + HexFormat.of().formatHex(random) + suffix;
    }

    /** A stream whose length is known before it is read, so an S3 point takes it as one streamed PUT. */
    private static final class SizedStream
            extends FilterInputStream
            implements KnownLength
    {
        private final long length;

        SizedStream(InputStream content, long length)
        {
            super(content);
            this.length = length;
        }

        @Override
        public int read(byte[] buffer, int offset, int count)
                throws IOException
        {
            return in.read(buffer, offset, count);
        }

        @Override
        public long length()
        {
            return length;
        }
    }

    static String initialCluster(List<ControlPlaneMember> members)
    {
        return members.stream().map(member -> member.name() + "=" + member.peerUrl()).collect(Collectors.joining(","));
    }
}
