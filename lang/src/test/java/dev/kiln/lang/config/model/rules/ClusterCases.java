package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static dev.kiln.lang.config.model.Scenario.cluster;
import static dev.kiln.lang.config.model.Scenario.controlPlane;
import static dev.kiln.lang.config.model.Scenario.node;
import static dev.kiln.lang.config.model.TestBlock.block;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.named;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.single;

/** Versions, runtime, storage, backups, naming policy, taints and the one-of-a-few-words arguments. */
final class ClusterCases
{
    private ClusterCases() {}

    static Stream<Arguments> violations()
    {
        return Stream.of(
                named("a version without its v", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).set("kubernetes_version", "1.30.4");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid Kubernetes version", cluster.rangeOf("kubernetes_version"));
                }),
                named("an upgrade path that steps down", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).strings("upgrade_path", "v1.29.1", "v1.28.15", "v1.30.4");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid upgrade path", cluster.rangeOf("upgrade_path"));
                }),
                named("an upgrade path that skips a minor", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).strings("upgrade_path", "v1.28.15", "v1.30.4");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid upgrade path", cluster.rangeOf("upgrade_path"));
                }),
                named("an upgrade path that ends before kubernetes_version", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).strings("upgrade_path", "v1.29.1", "v1.30.2");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid upgrade path", cluster.rangeOf("upgrade_path"));
                }),
                named("an upgrade path with a step that is no release", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).strings("upgrade_path", "1.29", "v1.30.4");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid upgrade path", cluster.rangeOf("upgrade_path"));
                }),
                named("an upgrade path that repeats a release", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).strings("upgrade_path", "v1.30.4", "v1.30.4");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Invalid upgrade path", cluster.rangeOf("upgrade_path"));
                }),
                named("a version below the supported range", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).set("kubernetes_version", "v1.19.16");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Unsupported Kubernetes version", cluster.rangeOf("kubernetes_version"));
                }),
                named("docker on Kubernetes 1.24", () -> {
                    TestBlock runtime = block("runtime").set("type", "docker");
                    return single(runtime).expect("Container runtime not supported by this Kubernetes version", runtime.rangeOf("type"));
                }),
                named("a misspelled runtime", () -> {
                    TestBlock runtime = block("runtime").set("type", "contaienrd");
                    return single(runtime).expect("Unsupported container runtime", runtime.rangeOf("type"));
                }),
                named("containerd 1.5", () -> {
                    TestBlock runtime = block("runtime").set("version", "1.5.13");
                    return single(runtime).expect("Unsupported container runtime version", runtime.rangeOf("version"));
                }),
                named("two storage classes with one name", () -> {
                    TestBlock second = nfs().set("storage_class", "nfs-sc");
                    return single(nfs(), second).expect("Duplicate storage class", second.rangeOf("storage_class"));
                }),
                named("two default storage classes", () -> {
                    TestBlock second = ceph().set("default_class", true);
                    return single(nfs().set("default_class", true), second).expect("More than one default storage class", second.rangeOf("default_class"));
                }),
                named("a reclaim policy Kubernetes does not know", () -> {
                    TestBlock storage = nfs().set("reclaim_policy", "Recycle");
                    return single(storage).expect("Invalid reclaim policy", storage.rangeOf("reclaim_policy"));
                }),
                named("a Ceph argument in an NFS block", () -> {
                    TestBlock storage = nfs().set("pool", "rbd");
                    return single(storage).expect("Unsupported argument", storage.rangeOf("pool"));
                }),
                named("an NFS block without a server", () -> {
                    TestBlock storage = block("storage", "nfs").set("path", "/exports");
                    return single(storage).expect("Missing required argument", storage.labelRange());
                }),
                named("a cron schedule with a minute of 61", () -> {
                    TestBlock backup = backup().set("schedule", "61 2 * * *");
                    return single(backup).with(minio()).expect("Invalid backup schedule", backup.rangeOf("schedule"));
                }),
                named("keeping no backups", () -> {
                    TestBlock backup = backup().set("keep", 0);
                    return single(backup).with(minio()).expect("Invalid backup retention", backup.rangeOf("keep"));
                }),
                named("a backup point reference to a node", () -> {
                    TestBlock backup = block("backup").reference("point", "node.m1");
                    return single(backup).expect("Invalid backup point reference", backup.referenceRange("point"));
                }),
                named("the global naming policy on a cluster named prod", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).set("naming_policy", "global");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Cluster name does not follow the naming policy", cluster.labelRange());
                }),
                named("a pool name that makes no DNS label", () -> {
                    TestBlock pool = block("worker_pool", "GPU_Pool").set("replicas", 1);
                    TestBlock cluster = cluster("global", block("control_plane").set("replicas", 1), pool).set("naming_policy", "global").provider("capi");
                    return Scenario.of(cluster).expect("Pool name does not follow the naming policy", pool.labelRange());
                }),
                named("a taint with a misspelled effect", () -> {
                    TestBlock node = node("m1", "10.0.0.1").strings("taints", "dedicated=gpu:NoSchedul");
                    return Scenario.of(node, cluster("prod", controlPlane("m1"))).expect("Invalid taint effect", node.rangeOf("taints"));
                }),
                named("a taint without an effect", () -> {
                    TestBlock plane = controlPlane("m1").strings("taints", "dedicated=gpu");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster("prod", plane)).expect("Invalid taint", plane.rangeOf("taints"));
                }),
                named("an offline install without a bundle", () -> {
                    TestBlock install = block("install").set("mode", "offline");
                    return single(install).expect("Missing offline bundle", install.rangeOf("mode"));
                }),
                named("external etcd without endpoints", () -> {
                    TestBlock etcd = block("etcd").set("type", "external");
                    return single(etcd).expect("Missing etcd endpoints", etcd.rangeOf("type"));
                }),
                named("a misspelled bootstrap format", () -> {
                    TestBlock cluster = cluster("prod", controlPlane("m1")).set("kubeadm_config_format", "ignitoin");
                    return Scenario.of(node("m1", "10.0.0.1"), cluster).expect("Unsupported value", cluster.rangeOf("kubeadm_config_format"));
                }),
                named("a surge that is neither a count nor a percentage", () -> {
                    TestBlock pool = block("worker_pool", "md-0").set("replicas", 2).set("max_surge", "a few");
                    return Scenario.of(cluster("prod", block("control_plane").set("replicas", 1), pool).provider("capi"))
                            .expect("Invalid rolling update limit", pool.rangeOf("max_surge"));
                }),
                named("an infrastructure kind Cluster API does not have here", () -> {
                    TestBlock infrastructure = block("infrastructure", "vpshere");
                    return Scenario.of(cluster("prod", block("control_plane").set("replicas", 1), infrastructure).provider("capi"))
                            .expect("Unsupported infrastructure kind", infrastructure.labelRange());
                }),
                named("a vSphere argument on AWS", () -> {
                    TestBlock infrastructure = block("infrastructure", "aws").set("region", "eu-west-1").set("datacenter", "dc1");
                    return Scenario.of(cluster("prod", block("control_plane").set("replicas", 1), infrastructure).provider("capi"))
                            .expect("Unsupported argument", infrastructure.rangeOf("datacenter"));
                }));
    }

    static Stream<Arguments> clean()
    {
        return Stream.of(
                named("docker before Kubernetes 1.24", () -> Scenario.of(node("m1", "10.0.0.1"),
                        cluster("old", controlPlane("m1"), block("runtime").set("type", "docker").set("version", "20.10.24").set("data_dir", "/data/docker"))
                                .set("kubernetes_version", "v1.23.17"))),
                named("an upgrade path through v1.29 to v1.30.4, patch steps included", () -> Scenario.of(node("m1", "10.0.0.1"),
                        cluster("prod", controlPlane("m1")).strings("upgrade_path", "v1.28.15", "v1.29.1", "v1.29.15", "v1.30.4"))),
                named("a release candidate of a supported version", () -> Scenario.of(node("m1", "10.0.0.1"),
                        cluster("next", controlPlane("m1")).set("kubernetes_version", "v1.35.0-rc.1"))),
                named("an unknown version and runtime", () -> Scenario.of(node("m1", "10.0.0.1"),
                        cluster("prod", controlPlane("m1"), block("runtime").unknown("type").unknown("version")).unknown("kubernetes_version"))),
                named("NFS and Ceph classes, one default", () -> single(nfs().set("default_class", true), ceph())),
                named("a daily backup by nickname", () -> single(backup().set("schedule", "@daily")).with(minio())),
                named("a weekly backup keeping four", () -> single(backup().set("schedule", "30 3 * * 0").set("keep", 4)).with(minio())),
                named("the global naming policy", () -> Scenario.of(cluster("global",
                        block("control_plane").set("replicas", 3),
                        block("worker_pool", "infra").set("replicas", 2),
                        block("infrastructure", "vsphere").set("server", "vcenter.example").set("datacenter", "dc1"))
                        .set("naming_policy", "global").set("kubeadm_config_format", "ignition").provider("capi"))),
                named("taints of every form", () -> Scenario.of(
                        node("m1", "10.0.0.1").strings("taints", "example.com/dedicated=gpu:NoExecute", "spot:PreferNoSchedule"),
                        cluster("prod", controlPlane("m1").strings("taints")))),
                named("an offline install from a bundle", () -> single(block("install").set("mode", "offline").set("bundle", "/srv/kiln-offline.tar.gz"))));
    }

    private static TestBlock nfs()
    {
        return block("storage", "nfs").set("server", "10.0.5.5").set("path", "/exports/k8s");
    }

    private static TestBlock ceph()
    {
        return block("storage", "ceph")
                .strings("monitors", "10.0.6.1:6789")
                .set("cluster_id", "b9127830-b0cc-4e34-aa47-9d1a2e9949a8")
                .set("pool", "kubernetes")
                .set("key", "AQD9o0Fd6hQRChAAt7fMaSZXduT3NWEqylNpmg==");
    }

    private static TestBlock backup()
    {
        return block("backup").reference("point", "backup_point.minio");
    }

    private static TestBlock minio()
    {
        return block("backup_point", "minio").block(block("s3").set("bucket", "etcd").set("endpoint", "http://127.0.0.1:9000").set("path_style", true));
    }
}
