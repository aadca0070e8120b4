package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.KeyGenerator;
import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Secrets never appear in SSH logs or errors")
class SshSecretsTest
{
    private static final String JOIN_TOKEN = "abcdef.0123456789abcdef";
    private static final String PASSPHRASE = "correct horse battery";

    private static TestHosts hosts;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        hosts = TestHosts.start(1);
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @Test
    @DisplayName("passwords, passphrases, key material and registered tokens are masked in log files, results and exceptions")
    void secretsAreMasked()
            throws Exception
    {
        Path key = directory.resolve("encrypted");
        String publicKey = KeyGenerator.generate(key, "encrypted", PASSPHRASE);
        Path authorized = hosts.directory().resolve("host-0/authorized_keys/kiln");
        Files.writeString(authorized, Files.readString(authorized) + publicKey + "\n");
        String keyText = Files.readString(key);
        String keyLine = keyText.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        SshHostConfig config = new SshHostConfig("host-0", hosts.host(0).address(), hosts.port(), TestHosts.USER,
                List.of(new SshAuthentication.PrivateKey(keyText, Optional.of(PASSPHRASE))),
                new HostKeyPolicy.KnownHosts(hosts.knownHosts()), true, Optional.of(TestHosts.PASSWORD), Optional.empty());
        List<String> captured = new ArrayList<>();
        Path logs = directory.resolve("logs");
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withLogDirectory(logs))) {
            SshSession session = ssh.session(config);
            CommandResult echoed = session.execute("echo secrets", RemoteCommand.of("echo " + TestHosts.PASSWORD + " " + PASSPHRASE + " '" + keyLine + "' " + JOIN_TOKEN
                    + "; echo " + TestHosts.PASSWORD + " >&2").withSecrets(List.of(JOIN_TOKEN)).withSudo());
            captured.add(echoed.stdout());
            captured.add(echoed.stderr());
            HostCommandException failure = assertThrows(HostCommandException.class,
                    () -> session.runSudo("kubeadm join", "echo joining with " + JOIN_TOKEN + " and " + TestHosts.PASSWORD + "; exit 3"));
            captured.add(stackTrace(failure));
            captured.addAll(failure.tail());
            HostAuthenticationException refused = assertThrows(HostAuthenticationException.class,
                    () -> ssh.session(config.withSudo(Optional.of("wrong-" + TestHosts.PASSWORD))).runSudo("sudo", "true"));
            captured.add(stackTrace(refused));
            assertTrue(echoed.stdout().contains(SecretRedactor.MASK), echoed.stdout());
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                captured.add(Files.readString(file));
            }
        }
        String everything = String.join("\n", captured);
        assertTrue(everything.contains("joining with"), everything);
        for (String secret : List.of(TestHosts.PASSWORD, PASSPHRASE, keyLine, JOIN_TOKEN)) {
            assertFalse(everything.contains(secret), "leaked: " + secret + " in\n" + everything);
        }
    }

    @Test
    @DisplayName("configs and commands print without their secrets")
    void toStringsHideSecrets()
    {
        SshHostConfig config = new SshHostConfig("host-0", "127.0.0.2", 22, "kiln", List.of(new SshAuthentication.Password("login-secret"),
                new SshAuthentication.PrivateKey("-----BEGIN KEY-----\nkeymaterial\n", Optional.of("phrase-secret"))),
                new HostKeyPolicy.KnownHosts(Path.of("known_hosts")), true, Optional.of("sudo-secret"), Optional.empty());
        RemoteCommand command = RemoteCommand.of("kubeadm join --token " + JOIN_TOKEN).withStdin("stdin-secret").withSecrets(List.of(JOIN_TOKEN));
        String printed = config + " " + config.authentications() + " " + command;
        for (String secret : List.of("login-secret", "keymaterial", "phrase-secret", "sudo-secret", JOIN_TOKEN, "stdin-secret")) {
            assertFalse(printed.contains(secret), printed);
        }
        assertTrue(printed.contains("kubeadm join --token (sensitive value)"), printed);
    }

    @Test
    @DisplayName("the redactor masks whole secrets before the parts they contain, and key text line by line")
    void redactorRules()
    {
        SecretRedactor redactor = new SecretRedactor();
        redactor.addAll(List.of("pass", "password123", "-----BEGIN KEY-----\nAAAABBBBCCCCDDDD1234\n-----END KEY-----\n", "ab"));
        assertEquals("x (sensitive value) y", redactor.redact("x password123 y"));
        assertEquals("line (sensitive value)", redactor.redact("line AAAABBBBCCCCDDDD1234"));
        assertEquals("ab stays: too short to mask", redactor.redact("ab stays: too short to mask"));
        assertEquals("-----BEGIN KEY----- is a marker, not a secret", redactor.redact("-----BEGIN KEY----- is a marker, not a secret"));
    }

    private static String stackTrace(Throwable throwable)
    {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
