package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupCronJobTest
{
    private static final ScheduledBackup.Bucket BUCKET = new ScheduledBackup.Bucket(URI.create("https://minio.example:9000/etcd"), "prod/", "us-east-1", "AKID", "s3cr3t-key");

    @Test
    @DisplayName("A capi cluster's scheduled backups render as a service account, a Secret, a ConfigMap and a CronJob on a control-plane node")
    void manifests()
            throws Exception
    {
        String yaml = BackupCronJob.manifests(new ScheduledBackup("cluster.prod", new CronSchedule("0 */12 * * *"), 6, true, BUCKET), "registry.example/kiln/etcd-tools:3.5", "v1.31.2");
        List<JsonNode> documents = documents(yaml);
        assertEquals(List.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Secret", "ConfigMap", "CronJob"), documents.stream().map(document -> document.path("kind").asText()).toList());
        JsonNode cronJob = documents.get(5);
        assertEquals("0 */12 * * *", cronJob.path("spec").path("schedule").asText());
        assertFalse(cronJob.path("spec").path("suspend").asBoolean());
        assertEquals("Forbid", cronJob.path("spec").path("concurrencyPolicy").asText());
        JsonNode pod = cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
        assertEquals("registry.example/kiln/etcd-tools:3.5", pod.path("containers").path(0).path("image").asText());
        assertTrue(pod.path("hostNetwork").asBoolean());
        String environment = new String(Base64.getDecoder().decode(documents.get(3).path("data").path("etcd-backup.env").asText()), StandardCharsets.UTF_8);
        assertTrue(environment.contains("KILN_KEEP=6\n"), environment);
        assertTrue(environment.contains("KILN_ANY_MEMBER=1\n"), environment);
        assertTrue(environment.contains("KILN_S3_BUCKET_URL=https://minio.example:9000/etcd\n"), environment);
        assertFalse(yaml.contains("s3cr3t-key"), "the secret key appears only base64-encoded in the Secret");
        assertEquals(ScheduledBackupUnits.script(), documents.get(4).path("data").path("etcd-backup.sh").asText());
    }

    @Test
    @DisplayName("Disabling suspends the CronJob; a directory destination cannot be reached from inside the cluster")
    void suspendedAndDirectoryRefused()
            throws Exception
    {
        String yaml = BackupCronJob.manifests(new ScheduledBackup("cluster.prod", new CronSchedule("@daily"), 3, false, BUCKET), "tools", "v1.31.2");
        assertTrue(documents(yaml).get(5).path("spec").path("suspend").asBoolean());
        assertThrows(IllegalArgumentException.class, () -> BackupCronJob.manifests(
                new ScheduledBackup("cluster.prod", new CronSchedule("@daily"), 3, true, new ScheduledBackup.Directory("/backups")), "tools", "v1.31.2"));
    }

    @Test
    @DisplayName("The systemd timer fires on the schedule's calendar; the settings file is private; disabling stops the timer")
    void systemdUnits()
    {
        ScheduledBackup backup = new ScheduledBackup("cluster.prod", new CronSchedule("0 */12 * * *"), 6, true, BUCKET);
        List<ScheduledBackupUnits.NodeFile> files = ScheduledBackupUnits.files(backup, KubeadmLayout.kubeadm(), "https://127.0.0.1:2379", "v1.31.2");
        assertEquals(List.of(ScheduledBackupUnits.SCRIPT, ScheduledBackupUnits.ENVIRONMENT, ScheduledBackupUnits.SERVICE, ScheduledBackupUnits.TIMER),
                files.stream().map(ScheduledBackupUnits.NodeFile::path).toList());
        assertTrue(files.get(3).content().contains("OnCalendar=*-*-* 00/12:00:00\n"), files.get(3).content());
        assertEquals(0600, files.get(1).mode());
        assertTrue(files.get(1).content().contains("KILN_ETCDCTL='etcdctl --endpoints https://127.0.0.1:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt"), files.get(1).content());
        assertFalse(files.toString().contains("s3cr3t-key"));
        assertTrue(ScheduledBackupUnits.activation(backup).contains("systemctl enable kiln-etcd-backup.timer"));
        assertTrue(ScheduledBackupUnits.activation(new ScheduledBackup("cluster.prod", new CronSchedule("@daily"), 6, false, BUCKET))
                .contains("systemctl disable --now kiln-etcd-backup.timer"));
    }

    private static List<JsonNode> documents(String yaml)
            throws Exception
    {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> iterator = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            return iterator.readAll();
        }
    }
}
