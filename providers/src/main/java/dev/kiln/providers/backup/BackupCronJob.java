package dev.kiln.providers.backup;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Scheduled backups of a Cluster API cluster, rendered as manifests for the workload cluster:
 * a service account that may read every object, a Secret holding the backup script's settings (they may hold the bucket's keys), a
 * ConfigMap holding the script, and a CronJob in {@code kube-system} that runs the script on
 * a control-plane node (host network, etcd's client certificates from the host, suspended
 * when the backups are disabled). {@code image} must carry sh, etcdctl, kubectl, curl,
 * sha256sum and stat. The capi provider applies these manifests with the rest of the
 * cluster's objects. Only an S3 destination is reachable from inside the cluster.
 */
public final class BackupCronJob
{
    public static final String NAME = "kiln-etcd-backup";
    public static final String NAMESPACE = "kube-system";

    private BackupCronJob() {}

    /** The manifests, as one multi-document YAML text. */
    public static String manifests(ScheduledBackup backup, String image, String kubernetesVersion)
    {
        requireNonNull(backup, "backup is null");
        requireNonNull(image, "image is null");
        requireNonNull(kubernetesVersion, "kubernetesVersion is null");
        if (!(backup.destination() instanceof ScheduledBackup.Bucket)) {
            throw new IllegalArgumentException(backup.cluster() + ": a CronJob in the cluster reaches only an S3 backup point, not a directory on the machine running Kiln");
        }
        String environment = ScheduledBackupUnits.environment(backup, KubeadmLayout.kubeadm(), "https://127.0.0.1:2379", kubernetesVersion)
                + "KILN_ANY_MEMBER=1\nKILN_KUBECTL='kubectl'\n";
        return String.join("---\n", access(), secret(environment), configMap(ScheduledBackupUnits.script()), cronJob(backup, image));
    }

    /** A service account that may read every object (the script exports them), and nothing more. */
    private static String access()
    {
        return """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: %1$s
                  namespace: %2$s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: %1$s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                rules:
                - apiGroups: ["*"]
                  resources: ["*"]
                  verbs: ["get", "list"]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: %1$s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: %1$s
                subjects:
                - kind: ServiceAccount
                  name: %1$s
                  namespace: %2$s
                """.formatted(NAME, NAMESPACE);
    }

    private static String secret(String environment)
    {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                type: Opaque
                data:
                  etcd-backup.env: %s
                """.formatted(NAME, NAMESPACE, Base64.getEncoder().encodeToString(environment.getBytes(UTF_8)));
    }

    private static String configMap(String script)
    {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                data:
                  etcd-backup.sh: |
                %s""".formatted(NAME, NAMESPACE, indented(script, "    "));
    }

    private static String cronJob(ScheduledBackup backup, String image)
    {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %1$s
                  namespace: %2$s
                  labels:
                    app.kubernetes.io/managed-by: kiln
                  annotations:
                    kiln.dev/cluster: "%3$s"
                    kiln.dev/keep: "%4$d"
                spec:
                  schedule: "%5$s"
                  suspend: %6$s
                  concurrencyPolicy: Forbid
                  successfulJobsHistoryLimit: 1
                  failedJobsHistoryLimit: 3
                  jobTemplate:
                    spec:
                      backoffLimit: 1
                      template:
                        spec:
                          restartPolicy: Never
                          serviceAccountName: %1$s
                          hostNetwork: true
                          nodeSelector:
                            node-role.kubernetes.io/control-plane: ""
                          tolerations:
                          - key: node-role.kubernetes.io/control-plane
                            operator: Exists
                            effect: NoSchedule
                          containers:
                          - name: backup
                            image: "%7$s"
                            command: ["/bin/sh", "/kiln/script/etcd-backup.sh", "/kiln/settings/etcd-backup.env"]
                            volumeMounts:
                            - {name: script, mountPath: /kiln/script, readOnly: true}
                            - {name: settings, mountPath: /kiln/settings, readOnly: true}
                            - {name: etcd-certificates, mountPath: /etc/kubernetes/pki/etcd, readOnly: true}
                            - {name: scratch, mountPath: /var/lib/kiln/backup}
                          volumes:
                          - name: script
                            configMap: {name: %1$s}
                          - name: settings
                            secret: {secretName: %1$s, defaultMode: 0400}
                          - name: etcd-certificates
                            hostPath: {path: /etc/kubernetes/pki/etcd, type: Directory}
                          - name: scratch
                            emptyDir: {}
                """.formatted(NAME, NAMESPACE, backup.cluster(), backup.keep(), backup.schedule().expression(), !backup.enabled(), image);
    }

    private static String indented(String text, String indent)
    {
        List<String> lines = text.lines().toList();
        return lines.stream().map(line -> line.isEmpty() ? "" : indent + line).collect(Collectors.joining("\n")) + "\n";
    }
}
