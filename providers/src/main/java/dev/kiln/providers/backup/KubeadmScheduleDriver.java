package dev.kiln.providers.backup;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.ssh.NodeSshConfigs;
import dev.kiln.executors.ssh.SshHostConfig;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.SshSession;
import dev.kiln.executors.ssh.TransferProgress;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.NodeList;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kubeadm cluster's scheduled backups on its control-plane nodes, over SSH: the script, its
 * private settings, the service and the timer ({@link ScheduledBackupUnits}) put on every
 * control-plane node (each file skipped when it is already there unchanged), then the timer
 * enabled and restarted, or stopped when the backups are disabled; removed on delete.
 */
final class KubeadmScheduleDriver
        implements Driver
{
    private final Config config;
    private final Function<Node, SshHostConfig> hosts;
    private final KubeadmLayout layout;
    private final String clientUrl;

    KubeadmScheduleDriver(Config config)
    {
        this(config, node -> NodeSshConfigs.fromNode(node, Optional.empty()), KubeadmLayout.kubeadm(), "https://127.0.0.1:2379");
    }

    /** For tests: the nodes' SSH configs, layout and etcd client URL given. */
    KubeadmScheduleDriver(Config config, Function<Node, SshHostConfig> hosts, KubeadmLayout layout, String clientUrl)
    {
        this.config = config;
        this.hosts = hosts;
        this.layout = layout;
        this.clientUrl = clientUrl;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception
    {
        ResourceChange change = request.change();
        ResourceAddress cluster = change.address().parent().orElseThrow();
        List<Node> nodes = controlPlane(cluster);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            if (change.action() == Action.DELETE) {
                for (Node node : nodes) {
                    context.progress("removing scheduled backups from " + node.address());
                    ssh.session(hosts.apply(node)).runSudo("remove scheduled backups", ScheduledBackupUnits.removal());
                }
                return ApplyResponse.deleted();
            }
            Value value = ScheduleValues.known(change.after().orElseThrow());
            ScheduledBackup backup = scheduled(cluster, value);
            String version = config.model().clusters().get(cluster).kubernetesVersion().known().orElse("");
            for (Node node : nodes) {
                context.progress((backup.enabled() ? "scheduling" : "pausing") + " backups on " + node.address());
                install(ssh.session(hosts.apply(node)), backup, version);
            }
            return ApplyResponse.of(value);
        }
    }

    private void install(SshSession session, ScheduledBackup backup, String version)
            throws IOException
    {
        for (ScheduledBackupUnits.NodeFile file : ScheduledBackupUnits.files(backup, layout, clientUrl, version)) {
            Path staged = Files.createTempFile("kiln-schedule-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(staged, file.content());
                session.runSudo("install scheduled backups", "mkdir -p " + ShellWords.quote(Path.of(file.path()).getParent().toString()));
                session.upload("install scheduled backups", staged, file.path(), file.mode(), TransferProgress.NONE);
            }
            finally {
                Files.deleteIfExists(staged);
            }
        }
        session.runSudo("activate scheduled backups", ScheduledBackupUnits.activation(backup));
    }

    private ScheduledBackup scheduled(ResourceAddress cluster, Value value)
            throws IOException
    {
        Value point = value.asMapping().map(attributes -> attributes.get("point")).orElseThrow().unmarkedDeep();
        return new ScheduledBackup(cluster.toString(),
                new CronSchedule(ScheduledBackupRule.text(value, "schedule").orElseThrow()),
                Integer.parseInt(ScheduledBackupRule.number(value, "keep")),
                ScheduledBackupRule.enabled(value),
                ScheduledBackup.destination(cluster + "'s backup point", ValueJson.toJson(point)));
    }

    private List<Node> controlPlane(ResourceAddress cluster)
            throws IOException
    {
        Cluster model = Optional.ofNullable(config.model().clusters().get(cluster))
                .orElseThrow(() -> new IOException(cluster + " is not in the configuration; its control-plane nodes are unknown"));
        List<Node> nodes = new ArrayList<>();
        for (ResourceAddress address : model.controlPlane().members().nodes().map(NodeList::nodes).orElse(List.of())) {
            nodes.add(Optional.ofNullable(config.model().nodes().get(address))
                    .orElseThrow(() -> new IOException(cluster + "'s control-plane node " + address + " is not in the configuration")));
        }
        return nodes;
    }
}
