package dev.kiln.executors.ssh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The files behind one test host: its sshd configuration and host key, its authorized keys,
 * its own copies of /etc/passwd, shadow, group, hosts, hostname and sudoers.d (with the test
 * users), and the directories bind-mounted over its private paths. Also the shell script that
 * mounts them all in the host's mount namespace and execs sshd.
 */
final class HostLayout
{
    static final String ROOT_DIRECTORY = "root";

    private final Path directory;
    private final String address;
    private final String hostname;

    HostLayout(Path directory, String address, String hostname)
    {
        this.directory = directory;
        this.address = address;
        this.hostname = hostname;
    }

    Path directory()
    {
        return directory;
    }

    Path hostKey()
    {
        return directory.resolve("ssh_host_ed25519_key");
    }

    Path sshdLog()
    {
        return directory.resolve("sshd.log");
    }

    Path sshdConfig()
    {
        return directory.resolve("sshd_config");
    }

    /** Where the host's view of {@code remotePath} (a private path or below one) lives here. */
    Path privateDirectory(String remotePath)
    {
        return directory.resolve(ROOT_DIRECTORY).resolve(remotePath.substring(1));
    }

    void create(List<String> privatePaths, String clientPublicKey, TestUsers users)
    {
        try {
            Files.createDirectories(directory.resolve("authorized_keys"));
            for (String user : List.of("root", TestUsers.USER, TestUsers.REFUSED_USER)) {
                writePublic(directory.resolve("authorized_keys").resolve(user), clientPublicKey + "\n");
            }
            for (String path : privatePaths) {
                Files.createDirectories(privateDirectory(path));
            }
            Files.setPosixFilePermissions(privateDirectory("/tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            Path etc = Files.createDirectories(directory.resolve("etc"));
            writePublic(etc.resolve("passwd"), users.passwd());
            writePublic(etc.resolve("group"), users.group());
            Files.writeString(etc.resolve("shadow"), users.shadow());
            Files.setPosixFilePermissions(etc.resolve("shadow"), PosixFilePermissions.fromString("rw-r-----"));
            writePublic(etc.resolve("hosts"), "127.0.0.1\tlocalhost\n" + address + "\t" + hostname + "\n");
            writePublic(etc.resolve("hostname"), hostname + "\n");
            Path sudoers = Files.createDirectories(etc.resolve("sudoers.d"));
            Files.writeString(sudoers.resolve("kiln-test"), "Defaults lecture=never\n" + TestUsers.USER + " ALL=(ALL:ALL) ALL\n");
            Files.setPosixFilePermissions(sudoers.resolve("kiln-test"), PosixFilePermissions.fromString("r--r-----"));
            users.createHomes(privateDirectory("/home"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the test host in " + directory, e);
        }
    }

    void writeSshdConfig(int port)
    {
        String config = String.join("\n",
                "ListenAddress " + address + ":" + port,
                "HostKey " + hostKey(),
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys") + "/%u",
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "Subsystem sftp internal-sftp",
                "UseDNS no",
                "PrintMotd no",
                "PrintLastLog no",
                "MaxSessions 64",
                "MaxStartups 500:30:1000",
                "AllowTcpForwarding yes",
                "LogLevel INFO",
                "");
        try {
            Files.writeString(sshdConfig(), config);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script run in the new mount and UTS namespaces: hostname, bind mounts, then exec sshd. */
    String startScript(List<String> privatePaths, Path clusterDirectory, String clusterPath)
    {
        List<String> lines = new ArrayList<>();
        lines.add("set -e");
        lines.add("hostname " + hostname);
        lines.add("mkdir -p /run/sshd");
        for (String path : privatePaths) {
            lines.add("mkdir -p " + path + " && mount --bind " + privateDirectory(path) + " " + path);
        }
        Path etc = directory.resolve("etc");
        for (String file : List.of("passwd", "group", "shadow", "hosts", "hostname")) {
            lines.add("mount --bind " + etc.resolve(file) + " /etc/" + file);
        }
        lines.add("mount --bind " + etc.resolve("sudoers.d") + " /etc/sudoers.d");
        lines.add("mkdir -p " + clusterPath + " && mount --bind " + clusterDirectory + " " + clusterPath);
        lines.add("exec /usr/sbin/sshd -D -f " + sshdConfig() + " -E " + sshdLog());
        return String.join("\n", lines) + "\n";
    }

    private static void writePublic(Path file, String text)
            throws IOException
    {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
