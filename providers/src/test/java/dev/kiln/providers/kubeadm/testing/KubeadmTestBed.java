package dev.kiln.providers.kubeadm.testing;

import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test hosts ready for the kubeadm provider: real sshd per loopback address (the executors'
 * harness), with Kiln's stand-ins for the tools that cannot run here installed in each host's
 * /usr/local/bin, each host's address recorded for the {@code ip} stand-in, and offline bundles
 * whose kubeadm, kubelet and kubectl are the stand-ins at a given release.
 */
public final class KubeadmTestBed
        implements AutoCloseable
{
    /** Installed on every host; the bundle brings kubeadm, kubelet, kubectl, crictl and containerd. */
    public static final List<String> HOST_TOOLS = List.of("standin-lib", "systemctl", "etcdctl", "modprobe", "lsmod", "sysctl", "swapon", "swapoff",
            "ip", "iptables-save", "iptables-restore", "ipvsadm", "apt-get", "apt-mark");
    public static final String STATE = "/etc/kiln/standin";

    private final TestHosts hosts;

    private KubeadmTestBed(TestHosts hosts)
    {
        this.hosts = hosts;
    }

    public static KubeadmTestBed start(int count)
    {
        TestHosts hosts = TestHosts.builder().hosts(count)
                .privatePath("/var/lib/cni")
                .privatePath("/var/lib/calico")
                .privatePath("/run/calico")
                .start();
        KubeadmTestBed bed = new KubeadmTestBed(hosts);
        hosts.hosts().forEach(bed::prepare);
        return bed;
    }

    public TestHosts hosts()
    {
        return hosts;
    }

    public TestHost host(int index)
    {
        return hosts.host(index);
    }

    /** The directory every host sees as the shared cluster state. */
    public Path cluster()
    {
        return hosts.clusterDirectory();
    }

    /** Installs the stand-ins on a host again and records its address: a fresh machine after a test broke it on purpose. */
    public void prepare(TestHost host)
    {
        for (String tool : HOST_TOOLS) {
            host.installExecutable(tool, standin(tool));
        }
        host.installExecutable("ip6tables-save", standin("iptables-save"));
        host.installExecutable("ip6tables-restore", standin("iptables-restore"));
        write(host.path(STATE + "/address"), host.address() + "\n");
    }

    /** A file the stand-ins keep on {@code host}, such as {@code calls} or {@code units/kubelet/state}; empty text when absent. */
    public String state(TestHost host, String relative)
    {
        Path file = host.path(STATE + "/" + relative);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the calls the stand-ins recorded on {@code host} that start with {@code prefix} ("kubeadm init"). */
    public long calls(TestHost host, String prefix)
    {
        return state(host, "calls").lines().filter(line -> line.startsWith(prefix)).count();
    }

    public void setState(TestHost host, String relative, String content)
    {
        write(host.path(STATE + "/" + relative), content);
    }

    /** The names of the nodes registered with the shared cluster. */
    public List<String> registeredNodes()
    {
        Path nodes = cluster().resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(nodes)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String clusterFile(String relative)
    {
        Path file = cluster().resolve(relative);
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An offline bundle under {@code directory} holding the stand-in kubeadm, kubelet and
     * kubectl of each release, containerd with ctr, crictl and the Calico operator manifest.
     */
    public static Path bundle(Path directory, List<String> releases)
    {
        try {
            for (String release : releases) {
                Path binaries = Files.createDirectories(directory.resolve("kubernetes").resolve(release));
                for (String tool : List.of("kubeadm", "kubelet", "kubectl")) {
                    executable(binaries.resolve(tool), standin(tool).replace("@VERSION@", release));
                }
            }
            executable(Files.createDirectories(directory.resolve("containerd")).resolve("containerd"), standin("containerd"));
            executable(directory.resolve("containerd").resolve("ctr"), standin("ctr"));
            executable(Files.createDirectories(directory.resolve("crictl")).resolve("crictl"), standin("crictl"));
            write(Files.createDirectories(directory.resolve("calico")).resolve("tigera-operator.yaml"), """
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: tigera-operator
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: tigera-operator
                      namespace: tigera-operator
                    spec:
                      replicas: 1
                    """);
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The package repository the apt-get stand-in installs from on {@code host}: kubeadm (which
     * depends on cri-tools), kubelet and kubectl at each release as {@code 1.29.1-1.1}, containerd
     * with ctr and its unit, docker.io (docker, dockerd, docker.service), and the kubelet unit with kubeadm's drop-in in the kubelet package.
     */
    public void packageRepository(TestHost host, List<String> releases)
    {
        Path repository = host.path(STATE + "/apt");
        try {
            for (String release : releases) {
                String version = release.substring(1) + "-1.1";
                for (String tool : List.of("kubeadm", "kubelet", "kubectl")) {
                    executable(Files.createDirectories(repository.resolve(tool).resolve(version).resolve("bin")).resolve(tool), standin(tool).replace("@VERSION@", release));
                }
                write(repository.resolve("kubeadm").resolve(version).resolve("depends"), "cri-tools\n");
                Path units = Files.createDirectories(repository.resolve("kubelet").resolve(version).resolve("units").resolve("kubelet.service.d"));
                write(units.getParent().resolve("kubelet.service"), "[Service]\nExecStart=/usr/bin/kubelet\n");
                write(units.resolve("10-kubeadm.conf"), "[Service]\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS\n");
            }
            executable(Files.createDirectories(repository.resolve("cri-tools/1.30.0-1.1/bin")).resolve("crictl"), standin("crictl"));
            Path containerd = Files.createDirectories(repository.resolve("containerd/1.7.22-1/bin"));
            executable(containerd.resolve("containerd"), standin("containerd"));
            executable(containerd.resolve("ctr"), standin("ctr"));
            write(Files.createDirectories(repository.resolve("containerd/1.7.22-1/units")).resolve("containerd.service"), "[Service]\nExecStart=/usr/bin/containerd\n");
            Path docker = Files.createDirectories(repository.resolve("docker.io/20.10.24+dfsg1-1/bin"));
            executable(docker.resolve("docker"), standin("docker"));
            executable(docker.resolve("dockerd"), standin("dockerd"));
            write(Files.createDirectories(repository.resolve("docker.io/20.10.24+dfsg1-1/units")).resolve("docker.service"), "[Service]\nExecStart=/usr/bin/dockerd -H fd://\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image archive as {@code docker save} writes it, reduced to its {@code manifest.json} naming {@code repoTags}, made with the machine's tar. */
    public static Path imageArchive(Path file, List<String> repoTags)
    {
        try {
            Path content = Files.createTempDirectory("kiln-image-archive");
            String tags = repoTags.stream().map(tag -> "\"" + tag + "\"").collect(Collectors.joining(","));
            write(content.resolve("manifest.json"), "[{\"Config\":\"sha256:0f8a.json\",\"RepoTags\":[" + tags + "],\"Layers\":[\"0f8a/layer.tar\"]}]\n");
            Files.createDirectories(file.getParent());
            Process tar = new ProcessBuilder("tar", "-cf", file.toString(), "-C", content.toString(), "manifest.json").redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar failed: " + output);
            }
            Files.delete(content.resolve("manifest.json"));
            Files.delete(content);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Content {@code kubectl apply -f URL} reads on every host, as if the URL were reachable. */
    public void web(String url, String content)
    {
        try {
            Path page = cluster().resolve("web").resolve(url.replaceFirst("^[a-z]+://", ""));
            Files.createDirectories(page.getParent());
            write(page, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HCL for a node block reaching {@code host} as root with {@code keyFile} (a path the configuration's file() reads), its host key pinned. */
    public String node(String name, TestHost host, String keyExpression)
    {
        return """
                node "%s" {
                  address = "%s"
                  ssh {
                    port        = %d
                    private_key = %s
                    host_key    = "%s"
                  }
                }
                """.formatted(name, host.address(), hosts.port(), keyExpression, host.hostKey());
    }

    /** The client key's text, to put where a configuration reads it. */
    public String clientKey()
    {
        return hosts.clientKeyText();
    }

    /** Every file under {@code directory}, for checks over logs. */
    public static List<Path> files(Path directory)
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        hosts.close();
    }

    public static String standin(String name)
    {
        try (InputStream input = KubeadmTestBed.class.getResourceAsStream("/kubeadm/standins/" + name)) {
            if (input == null) {
                throw new IllegalArgumentException("no stand-in named " + name);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void executable(Path file, String content)
            throws IOException
    {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void write(Path file, String content)
    {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
