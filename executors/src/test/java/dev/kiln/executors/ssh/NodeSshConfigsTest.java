package dev.kiln.executors.ssh;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.SourceRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A node's ssh block as a transport config")
class NodeSshConfigsTest
{
    private static final SourceRange RANGE = SourceRange.synthetic("test");
    private static final String KEY_TEXT = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    private static final String HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMv6bU0Sgn5LJDLLnL3ksNwbPZ3BX7BQvKoGMd1K2n3g";

    @Test
    @DisplayName("an inline key with passphrase, a password, sudo and a pinned host key map one to one; sudo falls back to the login password")
    void fullBlock()
    {
        Node.Ssh ssh = new Node.Ssh(known("kiln"), known(2222), secret(KEY_TEXT), secret("phrase"), secret("login-password"), known(true),
                Optional.empty(), Optional.of(known(HOST_KEY)), known(false), Optional.empty());
        SshHostConfig config = NodeSshConfigs.fromNode(node(ssh), Optional.empty());
        assertEquals("node.w[1]", config.name());
        assertEquals("10.0.0.5", config.address());
        assertEquals(2222, config.port());
        assertEquals("kiln", config.user());
        assertEquals(List.of(new SshAuthentication.PrivateKey(KEY_TEXT, Optional.of("phrase")), new SshAuthentication.Password("login-password")), config.authentications());
        assertEquals(new HostKeyPolicy.Pinned(HOST_KEY), config.hostKeys());
        assertTrue(config.usesSudo());
        assertEquals(Optional.of("login-password"), config.sudoPassword());
        assertTrue(config.secrets().containsAll(List.of(KEY_TEXT, "phrase", "login-password")));
    }

    @Test
    @DisplayName("a private_key naming a file is read from it; trust on first use carries the recorded key; a bastion becomes the jump host")
    void keyFileTrustOnFirstUseAndBastion()
    {
        Node.Bastion bastion = new Node.Bastion(known("192.0.2.1"), known(22), known("jump"), Optional.empty(), secret("jump-password"), Optional.of(known(HOST_KEY)));
        Node.Ssh ssh = new Node.Ssh(known("root"), known(22), secret("~/.ssh/id_kiln"), Optional.empty(), Optional.empty(), known(false),
                secret("sudo-password"), Optional.empty(), known(true), Optional.of(bastion));
        SshHostConfig config = NodeSshConfigs.fromNode(node(ssh), Optional.of(HOST_KEY));
        assertEquals(List.of(new SshAuthentication.PrivateKeyFile(Path.of(System.getProperty("user.home"), ".ssh/id_kiln"), Optional.empty())), config.authentications());
        assertEquals(new HostKeyPolicy.TrustOnFirstUse(Optional.of(HOST_KEY)), config.hostKeys());
        assertEquals(Optional.of("sudo-password"), config.sudoPassword());
        SshHostConfig jump = config.bastion().orElseThrow();
        assertEquals("192.0.2.1", jump.address());
        assertEquals("jump", jump.user());
        assertEquals(new HostKeyPolicy.Pinned(HOST_KEY), jump.hostKeys());
        assertTrue(config.secrets().contains("jump-password"));
    }

    @Test
    @DisplayName("without host_key or trust on first use the user's known_hosts is used")
    void knownHostsByDefault()
    {
        Node.Ssh ssh = new Node.Ssh(known("root"), known(22), Optional.empty(), Optional.empty(), secret("pw-1234"), known(false),
                Optional.empty(), Optional.empty(), known(false), Optional.empty());
        assertEquals(HostKeyPolicy.KnownHosts.userDefault(), NodeSshConfigs.fromNode(node(ssh), Optional.empty()).hostKeys());
    }

    @Test
    @DisplayName("a setting still unknown is an error naming the node and the setting")
    void unknownSetting()
    {
        Node.Ssh ssh = new Node.Ssh(Setting.unknown(RANGE), known(22), Optional.empty(), Optional.empty(), secret("pw-1234"), known(false),
                Optional.empty(), Optional.empty(), known(false), Optional.empty());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> NodeSshConfigs.fromNode(node(ssh), Optional.empty()));
        assertEquals("the ssh.user of node.w[1] is not known yet; it must be known to connect", failure.getMessage());
    }

    private static Node node(Node.Ssh ssh)
    {
        return new Node(new ResourceAddress("node", "w", new InstanceKey.Index(1)), known("10.0.0.5"), known("w-1"), Optional.empty(),
                known(List.of()), known(Map.of()), known(List.of()), ssh, RANGE);
    }

    private static <T> Setting<T> known(T value)
    {
        return Setting.known(value, RANGE);
    }

    private static Optional<Setting<String>> secret(String value)
    {
        return Optional.of(Setting.known(value, true, RANGE));
    }
}
