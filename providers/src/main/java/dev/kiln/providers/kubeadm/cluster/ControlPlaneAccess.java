package dev.kiln.providers.kubeadm.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.render.KubeadmConfig;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster as seen from an initialised control plane: kubectl with the admin kubeconfig,
 * etcdctl against the local member with kubeadm's certificates, and kubeadm's token and
 * certificate-key commands for joins.
 */
public final class ControlPlaneAccess
{
    public static final String ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";
    static final String KUBECTL = "kubectl --kubeconfig " + ADMIN_KUBECONFIG + " ";
    static final String ETCDCTL = "ETCDCTL_API=3 etcdctl --endpoints https://127.0.0.1:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt "
            + "--cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOIN = Pattern.compile("kubeadm join (\\S+) --token .+?[\\s\\\\]+--discovery-token-ca-cert-hash (\\S+)");

    private final Remote host;

    public ControlPlaneAccess(Remote host)
    {
        this.host = host;
    }

    public Remote host()
    {
        return host;
    }

    /** Whether {@code host} has an admin kubeconfig and its API server answers. */
    public static boolean isInitialized(Remote host, String step)
    {
        return host.run(step, "test -f " + ADMIN_KUBECONFIG + " && " + KUBECTL + "get nodes -o name >/dev/null").succeeded();
    }

    public List<KubeNode> nodes(String step)
    {
        return KubeNode.parse(json(step, KUBECTL + "get nodes -o json"));
    }

    public Optional<KubeNode> node(String step, String name)
    {
        return nodes(step).stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** The API server's version, {@code v1.28.8}. */
    public String serverVersion(String step)
    {
        return json(step, KUBECTL + "version -o json").path("serverVersion").path("gitVersion").asText();
    }

    public List<EtcdMember> etcdMembers(String step)
    {
        return EtcdMember.parse(json(step, ETCDCTL + "member list -w json"));
    }

    /** The client URLs of the members that answer {@code endpoint health --cluster}. */
    public List<String> healthyEtcdEndpoints(String step)
    {
        String output = host.run(step, ETCDCTL + "endpoint health --cluster 2>&1").output();
        return output.lines().filter(line -> line.contains(" is healthy")).map(line -> line.substring(0, line.indexOf(' '))).toList();
    }

    public void removeEtcdMember(String step, EtcdMember member)
    {
        host.output(step, ETCDCTL + "member remove " + Shell.quote(member.id()));
    }

    /**
     * Creates bootstrap token {@code token} (made by Kiln and masked in logs before it is used)
     * and returns its discovery, from {@code kubeadm token create TOKEN --print-join-command}
     * (whose output shows the token masked).
     */
    public KubeadmConfig.Discovery discovery(String step, String token)
    {
        host.addSecret(token);
        String command = host.output(step, "kubeadm token create " + Shell.quote(token) + " --ttl 2h --print-join-command");
        Matcher matcher = JOIN.matcher(command);
        if (!matcher.find()) {
            throw new StepFailedException(host.host(), step, "kubeadm token create printed no join command");
        }
        return new KubeadmConfig.Discovery(matcher.group(1), token, matcher.group(2));
    }

    /** Uploads the control-plane certificates again, encrypted with {@code key} (made by Kiln, masked in logs; kubeadm keeps them two hours). */
    public void uploadCertificates(String step, String key)
    {
        host.addSecret(key);
        host.output(step, "kubeadm init phase upload-certs --upload-certs --certificate-key " + Shell.quote(key) + " >/dev/null");
    }

    public void kubectl(String step, String arguments)
    {
        host.output(step, KUBECTL + arguments);
    }

    public boolean kubectlSucceeds(String step, String arguments)
    {
        return host.run(step, KUBECTL + arguments).succeeded();
    }

    public String adminKubeconfig(String step)
    {
        return host.read(step, ADMIN_KUBECONFIG);
    }

    public String caCertificate(String step)
    {
        return host.output(step, "cat /etc/kubernetes/pki/ca.crt");
    }

    private JsonNode json(String step, String command)
    {
        String output = host.output(step, command);
        try {
            return JSON.readTree(output);
        }
        catch (IOException e) {
            throw new StepFailedException(host.host(), step, "the command printed no JSON: " + firstLine(output));
        }
    }

    private static String firstLine(String text)
    {
        return text.lines().findFirst().orElse("(nothing)");
    }
}
