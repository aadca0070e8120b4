package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a kubeadm control-plane node runs for scheduled backups: the backup script, its
 * private environment file (0600: it may hold the bucket's keys), a oneshot systemd service
 * and a timer whose {@code OnCalendar} is the schedule. Every control-plane node gets the
 * same files; the script backs up only on the node whose etcd member leads. Changing the
 * schedule or retention rewrites the files in place; disabling stops the timer.
 */
public final class ScheduledBackupUnits
{
    public static final String SCRIPT = "/usr/local/lib/kiln/etcd-backup.sh";
    public static final String ENVIRONMENT = "/etc/kiln/etcd-backup.env";
    public static final String SERVICE = "/etc/systemd/system/kiln-etcd-backup.service";
    public static final String TIMER = "/etc/systemd/system/kiln-etcd-backup.timer";

    /** One file to put on the node. */
    public record NodeFile(String path, String content, int mode)
    {
        public NodeFile
        {
            requireNonNull(path, "path is null");
            requireNonNull(content, "content is null");
        }

        @Override
        public String toString()
        {
            return "NodeFile[" + path + ", mode " + Integer.toOctalString(mode) + "]";
        }
    }

    private ScheduledBackupUnits() {}

    /**
     * The files of {@code backup} for a node laid out as {@code layout} whose etcd member serves
     * clients at {@code clientUrl} (kubeadm: {@code https://127.0.0.1:2379}) and whose cluster
     * runs {@code kubernetesVersion} now.
     */
    public static List<NodeFile> files(ScheduledBackup backup, KubeadmLayout layout, String clientUrl, String kubernetesVersion)
    {
        requireNonNull(clientUrl, "clientUrl is null");
        requireNonNull(backup, "backup is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(kubernetesVersion, "kubernetesVersion is null");
        List<NodeFile> files = new ArrayList<>();
        files.add(new NodeFile(SCRIPT, script(), 0755));
        files.add(new NodeFile(ENVIRONMENT, environment(backup, layout, clientUrl, kubernetesVersion), 0600));
        files.add(new NodeFile(SERVICE, """
                [Unit]
                Description=Kiln scheduled etcd backup of %s
                Wants=network-online.target
                After=network-online.target

                [Service]
                Type=oneshot
                ExecStart=%s %s
                """.formatted(backup.cluster(), SCRIPT, ENVIRONMENT), 0644));
        files.add(new NodeFile(TIMER, """
                [Unit]
                Description=Kiln scheduled etcd backups of %s (%s, keep %d)

                [Timer]
                OnCalendar=%s
                Persistent=true

                [Install]
                WantedBy=timers.target
                """.formatted(backup.cluster(), backup.schedule().expression(), backup.keep(), backup.schedule().onCalendar()), 0644));
        return List.copyOf(files);
    }

    /** The command that makes the installed files take effect: the timer started, or stopped when the backups are disabled. */
    public static String activation(ScheduledBackup backup)
    {
        return "systemctl daemon-reload && " + (backup.enabled()
                ? "systemctl enable kiln-etcd-backup.timer && systemctl restart kiln-etcd-backup.timer"
                : "systemctl disable --now kiln-etcd-backup.timer");
    }

    /** The command that removes scheduled backups from a node (the backups already taken stay in their point). */
    public static String removal()
    {
        return "systemctl disable --now kiln-etcd-backup.timer 2>/dev/null; rm -f " + String.join(" ", List.of(TIMER, SERVICE, ENVIRONMENT, SCRIPT))
                + " && systemctl daemon-reload";
    }

    static String environment(ScheduledBackup backup, KubeadmLayout layout, String clientUrl, String kubernetesVersion)
    {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("KILN_CLUSTER", backup.cluster());
        values.put("KILN_ID_PREFIX", backup.idPrefix());
        values.put("KILN_KUBERNETES_VERSION", kubernetesVersion);
        values.put("KILN_KEEP", Integer.toString(backup.keep()));
        values.put("KILN_ETCDCTL", layout.etcdctl(clientUrl, List.of()).substring("ETCDCTL_API=3 ".length()));
        values.put("KILN_KUBECTL", layout.kubectl());
        values.put("KILN_KINDS", StaticPodEtcd.EXPORTED_KINDS);
        values.put("KILN_SCRATCH", layout.scratchDirectory());
        switch (backup.destination()) {
            case ScheduledBackup.Directory directory -> {
                values.put("KILN_DESTINATION", "fs");
                values.put("KILN_FS_PATH", directory.path());
            }
            case ScheduledBackup.Bucket bucket -> {
                values.put("KILN_DESTINATION", "s3");
                values.put("KILN_S3_BUCKET_URL", bucket.bucketUrl().toString());
                values.put("KILN_S3_PREFIX", bucket.prefix());
                values.put("KILN_S3_REGION", bucket.region());
                values.put("KILN_S3_ACCESS_KEY", bucket.accessKey());
                values.put("KILN_S3_SECRET_KEY", bucket.secretKey());
            }
        }
        StringBuilder text = new StringBuilder("# Kiln scheduled etcd backup settings, written by kiln apply.\n");
        values.forEach((name, value) -> text.append(name).append('=').append(ShellWords.quote(value)).append('\n'));
        return text.toString();
    }

    static String script()
    {
        try (InputStream content = ScheduledBackupUnits.class.getResourceAsStream("etcd-backup.sh")) {
            if (content == null) {
                throw new IllegalStateException("etcd-backup.sh is missing from Kiln's classes");
            }
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
