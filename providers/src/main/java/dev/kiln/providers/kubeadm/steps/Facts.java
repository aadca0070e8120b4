package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a host is: OS and version, architecture, kernel, CPUs, memory, swap, host name and
 * addresses, read with one command. {@link #gather} only reads.
 */
public record Facts(String hostname, String os, String architecture, SortedMap<String, String> values)
{
    static final String STEP = "gather facts";

    private static final String COMMAND = String.join("; ",
            ". /etc/os-release 2>/dev/null; echo \"os=${ID:-linux} ${VERSION_ID:-}\"",
            "echo \"machine=$(uname -m)\"",
            "echo \"kernel=$(uname -r)\"",
            "echo \"cpus=$(nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo)\"",
            "echo \"memory_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
            "echo \"swap=$(swapon --show=NAME --noheadings 2>/dev/null | wc -l)\"",
            "echo \"hostname=$(hostname)\"",
            "echo \"addresses=$(hostname -I 2>/dev/null || true)\"");

    public Facts
    {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Facts gather(Remote host)
    {
        String output = host.output(STEP, COMMAND);
        TreeMap<String, String> read = new TreeMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> read.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).trim()));
        TreeMap<String, String> values = new TreeMap<>();
        values.put("kernel", read.getOrDefault("kernel", ""));
        values.put("cpus", read.getOrDefault("cpus", ""));
        values.put("memory_mib", memoryMib(read.get("memory_kib")).map(String::valueOf).orElse(""));
        values.put("swap_devices", read.getOrDefault("swap", "0"));
        values.put("addresses", read.getOrDefault("addresses", ""));
        return new Facts(read.getOrDefault("hostname", ""), read.getOrDefault("os", "linux").trim(), architecture(read.getOrDefault("machine", "")), values);
    }

    public int cpus()
    {
        return parse(values.get("cpus")).orElse(0);
    }

    public int memoryMib()
    {
        return parse(values.get("memory_mib")).orElse(0);
    }

    /** The facts as the node's {@code facts} attribute. */
    public Map<String, String> attribute()
    {
        return values;
    }

    private static String architecture(String machine)
    {
        return switch (machine) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> machine;
        };
    }

    private static Optional<Integer> memoryMib(String kib)
    {
        return parse(kib).map(value -> value / 1024);
    }

    private static Optional<Integer> parse(String text)
    {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
