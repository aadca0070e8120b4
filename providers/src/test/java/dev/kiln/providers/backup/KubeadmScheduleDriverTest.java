package dev.kiln.providers.backup;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;
import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kubeadm driver of cluster.prod.backup over SSH, on three test hosts with a systemctl
 * stand-in that records what it is asked: the script, settings, service and timer installed
 * on every control-plane node, updated in place, paused, and removed.
 */
@DisplayName("Scheduled backups of a kubeadm cluster: systemd timers installed over SSH")
class KubeadmScheduleDriverTest
{
    private static final String SYSTEMCTL_LOG = "/var/lib/kiln/systemctl.log";

    @TempDir
    static Path directory;

    private static TestHosts hosts;
    private static KubeadmScheduleDriver driver;

    @BeforeAll
    static void start()
            throws Exception
    {
        hosts = TestHosts.builder().hosts(3).privatePath("/usr/local/lib/kiln").start();
        for (TestHost host : hosts.hosts()) {
            host.installExecutable("systemctl", "#!/bin/sh\nmkdir -p /var/lib/kiln\necho \"$*\" >> " + SYSTEMCTL_LOG + "\n");
        }
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                provider "kubeadm" {}

                node "cp" {
                  count   = 3
                  address = ["%s", "%s", "%s"][count.index]
                  roles   = ["control-plane"]
                  ssh {
                    user = "root"
                  }
                }

                backup_point "minio" {
                  s3 {
                    endpoint   = "http://127.0.0.1:9000"
                    bucket     = "etcd"
                    access_key = "AKID"
                    secret_key = "never-printed"
                    path_style = true
                  }
                }

                cluster "prod" {
                  provider           = kubeadm
                  kubernetes_version = "v1.31.2"
                  control_plane {
                    nodes    = node.cp[*]
                    endpoint = "10.0.0.100"
                  }
                  backup {
                    point = backup_point.minio
                  }
                }
                """.formatted(hosts.host(0).address(), hosts.host(1).address(), hosts.host(2).address()));
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none());
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        Config config = loaded.config().orElseThrow();
        driver = new KubeadmScheduleDriver(config,
                node -> hosts.rootConfig(hosts.hosts().stream().filter(host -> host.address().equals(node.hostAddress().known().orElseThrow())).findFirst().orElseThrow().index()),
                KubeadmLayout.kubeadm(), "https://127.0.0.1:2379");
    }

    @AfterAll
    static void stop()
    {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    @DisplayName("Installed on every control-plane node, updated in place, paused, removed")
    void lifecycle()
            throws Exception
    {
        ApplyResponse created = apply(Action.CREATE, value("0 */12 * * *", 6, true));
        assertTrue(created.newValue().isPresent());
        for (TestHost host : hosts.hosts()) {
            assertTrue(Files.readString(host.path(ScheduledBackupUnits.TIMER)).contains("OnCalendar=*-*-* 00/12:00:00"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(host.path(ScheduledBackupUnits.ENVIRONMENT))));
            assertTrue(Files.readString(host.path(ScheduledBackupUnits.ENVIRONMENT)).contains("KILN_S3_BUCKET_URL=http://127.0.0.1:9000/etcd\n"));
            assertTrue(Files.isExecutable(host.path(ScheduledBackupUnits.SCRIPT)));
            assertTrue(Files.readString(host.path(SYSTEMCTL_LOG)).contains("enable kiln-etcd-backup.timer"));
        }

        apply(Action.UPDATE, value("@daily", 3, false));
        for (TestHost host : hosts.hosts()) {
            assertTrue(Files.readString(host.path(ScheduledBackupUnits.ENVIRONMENT)).contains("KILN_KEEP=3\n"));
            assertTrue(Files.readString(host.path(ScheduledBackupUnits.TIMER)).contains("OnCalendar=daily"));
            assertTrue(Files.readString(host.path(SYSTEMCTL_LOG)).contains("disable --now kiln-etcd-backup.timer"));
        }

        assertTrue(apply(Action.DELETE, value("@daily", 3, false)).newValue().isEmpty());
        for (TestHost host : hosts.hosts()) {
            assertFalse(Files.exists(host.path(ScheduledBackupUnits.TIMER)));
            assertFalse(Files.exists(host.path(ScheduledBackupUnits.ENVIRONMENT)));
            assertFalse(Files.exists(host.path(ScheduledBackupUnits.SCRIPT)));
        }
    }

    private static ApplyResponse apply(Action action, Value value)
            throws Exception
    {
        ResourceAddress address = ResourceAddress.of("cluster", "prod").child(ChildKind.CLUSTER_BACKUP, InstanceKey.NONE);
        ResourceChange change = new ResourceChange(address, "kubeadm", action, Optional.empty(),
                action == Action.CREATE ? Optional.empty() : Optional.of(value),
                action == Action.DELETE ? Optional.empty() : Optional.of(value), List.of(), List.of(), Optional.empty());
        return driver.apply(new ApplyRequest(change, Optional.empty()), new ActionContext()
        {
            private final CancellationToken token = new CancellationToken();

            @Override
            public CancellationToken cancellation()
            {
                return token;
            }

            @Override
            public void progress(String message)
            {
            }
        });
    }

    private static Value value(String schedule, int keep, boolean enabled)
    {
        Value s3 = Value.object(Map.of(
                "bucket", Value.string("etcd"),
                "endpoint", Value.string("http://127.0.0.1:9000"),
                "region", Value.string("us-east-1"),
                "prefix", Value.string(""),
                "access_key", Value.string("AKID").withSensitive(true),
                "secret_key", Value.string("never-printed").withSensitive(true),
                "path_style", Value.bool(true)));
        Value point = Value.object(Map.of("s3", s3, "location", Value.string("s3://etcd/")));
        return Value.object(Map.of("point", point, "schedule", Value.string(schedule), "keep", Value.number(keep), "enabled", Value.bool(enabled)));
    }
}
