package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Files Kiln renders onto hosts: whether each already has the wanted content (by SHA-256), and writing them. */
public final class RemoteFiles
{
    private RemoteFiles() {}

    /** Whether every path in {@code files} exists on the host with exactly the given content. */
    public static boolean same(Remote host, String step, Map<String, String> files)
    {
        if (files.isEmpty()) {
            return true;
        }
        String paths = files.keySet().stream().map(Shell::quote).reduce((left, right) -> left + " " + right).orElseThrow();
        String output = host.run(step, "sha256sum " + paths + " 2>/dev/null").output();
        Map<String, String> remote = new HashMap<>();
        output.lines().map(line -> line.trim().split("\\s+", 2)).filter(fields -> fields.length == 2)
                .forEach(fields -> remote.put(fields[1].startsWith("*") ? fields[1].substring(1) : fields[1], fields[0]));
        return files.entrySet().stream().allMatch(entry -> sha256(entry.getValue()).equals(remote.get(entry.getKey())));
    }

    static void write(Remote host, String step, Map<String, String> files, int mode)
    {
        files.forEach((path, content) -> host.write(step, content, path, mode));
    }

    public static String sha256(String content)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
