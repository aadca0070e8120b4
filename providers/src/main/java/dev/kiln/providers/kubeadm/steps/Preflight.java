package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.StepFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a host before Kubernetes goes on it, each failure in words that say what to fix:
 * enough CPUs and memory for a control plane (kubeadm's own minimums), the ports the node's
 * role needs free, and its clock within a minute of this machine's. A host that already runs
 * its kubelet has passed them before and is not checked again.
 */
public final class Preflight
{
    public static final String STEP = "preflight checks";
    static final int CONTROL_PLANE_CPUS = 2;
    static final int CONTROL_PLANE_MEMORY_MIB = 1700;
    static final long CLOCK_SKEW_SECONDS = 60;
    static final List<Integer> CONTROL_PLANE_PORTS = List.of(6443, 2379, 2380, 10250, 10257, 10259);
    static final List<Integer> WORKER_PORTS = List.of(10250);

    private Preflight() {}

    public static void check(Remote host, String address, Facts facts, boolean controlPlane)
    {
        if (host.run(STEP, "test -f /etc/kubernetes/kubelet.conf").succeeded()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        if (controlPlane && facts.cpus() < CONTROL_PLANE_CPUS) {
            failures.add("the host has " + facts.cpus() + " CPU(s); a control plane needs at least " + CONTROL_PLANE_CPUS);
        }
        if (controlPlane && facts.memoryMib() < CONTROL_PLANE_MEMORY_MIB) {
            failures.add("the host has " + facts.memoryMib() + " MiB of memory; a control plane needs at least " + CONTROL_PLANE_MEMORY_MIB + " MiB");
        }
        Set<Integer> busy = listening(host, hostAddresses(address, facts));
        for (int port : controlPlane ? CONTROL_PLANE_PORTS : WORKER_PORTS) {
            if (busy.contains(port)) {
                failures.add("port " + port + " is in use; stop what listens on it (ss -ltnp shows it)");
            }
        }
        String epoch = host.run(STEP, "date +%s").output().trim();
        try {
            long skew = Math.abs(Long.parseLong(epoch) - Instant.now().getEpochSecond());
            if (skew > CLOCK_SKEW_SECONDS) {
                failures.add("the host's clock is " + skew + " s away from this machine's; enable time synchronisation (chrony or systemd-timesyncd)");
            }
        }
        catch (NumberFormatException e) {
            failures.add("the host's clock could not be read (date +%s printed \"" + epoch + "\")");
        }
        if (!failures.isEmpty()) {
            throw new StepFailedException(host.host(), STEP, String.join("; ", failures));
        }
    }

    private static Set<String> hostAddresses(String address, Facts facts)
    {
        Set<String> addresses = new TreeSet<>(List.of("0.0.0.0", "::", address));
        addresses.addAll(List.of(facts.values().getOrDefault("addresses", "").split("\\s+")));
        return addresses;
    }

    /** The ports in LISTEN state on any of {@code addresses}, from /proc/net/tcp and tcp6. */
    static Set<Integer> listening(Remote host, Set<String> addresses)
    {
        String table = host.run(STEP, "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null").output();
        Set<Integer> ports = new TreeSet<>();
        for (String line : table.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals("0A") || !fields[1].contains(":")) {
                continue;
            }
            String[] local = fields[1].split(":");
            if (addresses.contains(address(local[0]))) {
                ports.add(Integer.parseInt(local[1], 16));
            }
        }
        return ports;
    }

    private static String address(String hex)
    {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
        }
        return hex.chars().allMatch(character -> character == '0') ? "::" : hex.toLowerCase(Locale.ROOT);
    }
}
