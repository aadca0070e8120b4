package dev.kiln.bench;

import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible and parallel-ssh set up for the same test hosts as Kiln: root by the harness's
 * client key, host keys checked strictly against its known_hosts, no connection sharing across
 * runs (Ansible's ControlPersist masters would otherwise carry connections from one round to the
 * next).
 */
final class ExternalTools
{
    private final Path work;
    private final Path ansibleInventory;
    private final Path ansibleConfig;
    private final Path psshHosts;
    private final List<String> sshOptions;
    private int round;

    private ExternalTools(Path work, Path ansibleInventory, Path ansibleConfig, Path psshHosts, List<String> sshOptions)
    {
        this.work = work;
        this.ansibleInventory = ansibleInventory;
        this.ansibleConfig = ansibleConfig;
        this.psshHosts = psshHosts;
        this.sshOptions = sshOptions;
    }

    static ExternalTools prepare(TestHosts hosts, Path work)
            throws IOException
    {
        StringBuilder inventory = new StringBuilder("[all]\n");
        StringBuilder pssh = new StringBuilder();
        for (TestHost host : hosts.hosts()) {
            inventory.append(host.name()).append(" ansible_host=").append(host.address()).append(" ansible_port=").append(hosts.port()).append('\n');
            pssh.append("root@").append(host.address()).append(':').append(hosts.port()).append('\n');
        }
        inventory.append("[all:vars]\nansible_user=root\nansible_python_interpreter=/usr/bin/python3\n")
                .append("ansible_ssh_private_key_file=").append(hosts.clientKey()).append('\n');
        Path ansibleInventory = work.resolve("ansible-inventory.ini");
        Files.writeString(ansibleInventory, inventory.toString());
        Path psshHosts = work.resolve("pssh-hosts");
        Files.writeString(psshHosts, pssh.toString());
        List<String> sshOptions = List.of("UserKnownHostsFile=" + hosts.knownHosts(), "StrictHostKeyChecking=yes", "IdentityFile=" + hosts.clientKey(),
                "IdentitiesOnly=yes", "BatchMode=yes", "ControlMaster=no");
        Path ansibleConfig = work.resolve("ansible.cfg");
        Files.writeString(ansibleConfig, String.join("\n",
                "[defaults]",
                "host_key_checking = True",
                "gathering = explicit",
                "interpreter_python = /usr/bin/python3",
                "[ssh_connection]",
                "ssh_args = -o ControlMaster=no -o UserKnownHostsFile=" + hosts.knownHosts() + " -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes",
                "pipelining = True",
                ""));
        return new ExternalTools(work, ansibleInventory, ansibleConfig, psshHosts, sshOptions);
    }

    List<String> ansible(String command, int forks)
    {
        round++;
        return List.of("env", "ANSIBLE_CONFIG=" + ansibleConfig, "ANSIBLE_LOCAL_TEMP=" + work.resolve("ansible-local-" + round),
                "ansible", "all", "-i", ansibleInventory.toString(), "-m", "command", "-a", command, "-f", Integer.toString(forks));
    }

    List<String> parallelSsh(String command, int parallelism)
    {
        List<String> arguments = new ArrayList<>(List.of("parallel-ssh", "-p", Integer.toString(parallelism), "-h", psshHosts.toString(), "-t", "0"));
        sshOptions.forEach(option -> arguments.addAll(List.of("-O", option)));
        arguments.add(command);
        return arguments;
    }

    /** One {@code scp} per host, all started at once: parallel-scp without its hard-wired {@code -C} (compression). */
    List<List<String>> scpEach(Path file, String remotePath, int hostCount)
            throws IOException
    {
        List<List<String>> commands = new ArrayList<>();
        for (String line : Files.readAllLines(psshHosts).subList(0, hostCount)) {
            String address = line.substring(line.indexOf('@') + 1, line.lastIndexOf(':'));
            String port = line.substring(line.lastIndexOf(':') + 1);
            List<String> arguments = new ArrayList<>(List.of("scp", "-q", "-P", port));
            sshOptions.forEach(option -> arguments.addAll(List.of("-o", option)));
            arguments.add(file.toString());
            arguments.add("root@" + address + ":" + remotePath);
            commands.add(arguments);
        }
        return commands;
    }

    /** parallel-scp as shipped: it always runs {@code scp -qC}, compressing the stream (no option turns that off). */
    List<String> parallelScp(Path file, String remotePath, int parallelism)
            throws IOException
    {
        Path hosts = work.resolve("pscp-hosts-" + parallelism);
        List<String> lines = Files.readAllLines(psshHosts).subList(0, parallelism);
        Files.write(hosts, lines);
        List<String> arguments = new ArrayList<>(List.of("parallel-scp", "-p", Integer.toString(parallelism), "-h", hosts.toString(), "-t", "0"));
        sshOptions.forEach(option -> arguments.addAll(List.of("-O", option)));
        arguments.add(file.toString());
        arguments.add(remotePath);
        return arguments;
    }
}
