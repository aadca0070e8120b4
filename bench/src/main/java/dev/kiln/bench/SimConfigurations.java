package dev.kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a simulator configuration of about {@code instances} resource instances, in groups of
 * 100: one cluster with one control-plane node, and its worker pool (an instance of its own) of
 * 97 nodes (a {@code count} block), one file per 100 groups.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.SimConfigurations DIRECTORY INSTANCES [SPEED]</pre>
 */
public final class SimConfigurations
{
    static final int GROUP = 100;
    static final int WORKERS = GROUP - 3;
    private static final int GROUPS_PER_FILE = 100;

    private SimConfigurations() {}

    public static void main(String[] args)
            throws IOException
    {
        if (args.length < 2) {
            System.err.println("usage: SimConfigurations DIRECTORY INSTANCES [SPEED]");
            System.exit(2);
        }
        int groups = write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
        System.out.println("wrote " + groups * GROUP + " resource instances (" + groups + " clusters) to " + args[0]);
    }

    /** Writes the configuration; returns the number of clusters (instances / 100, at least 1). */
    static int write(Path directory, int instances, int speed)
            throws IOException
    {
        int groups = Math.max(1, instances / GROUP);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("main.kiln.hcl"), "provider \"sim\" {\n  speed = " + speed + "\n}\n");
        for (int file = 0; file * GROUPS_PER_FILE < groups; file++) {
            StringBuilder text = new StringBuilder();
            for (int group = file * GROUPS_PER_FILE; group < Math.min(groups, (file + 1) * GROUPS_PER_FILE); group++) {
                text.append(group(group));
            }
            Files.writeString(directory.resolve("clusters-%03d.kiln.hcl".formatted(file)), text);
        }
        return groups;
    }

    private static String group(int group)
    {
        int second = group / 250;
        int third = group % 250;
        return """

                node "w%1$d" {
                  count   = %2$d
                  address = cidrhost("10.%3$d.%4$d.0/24", 10 + count.index)
                  roles   = ["worker"]
                }

                node "cp%1$d" {
                  address = "10.250.%3$d.%4$d"
                  roles   = ["control-plane"]
                }

                cluster "c%1$d" {
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    nodes = [node.cp%1$d]
                  }

                  worker_pool "default" {
                    nodes = node.w%1$d[*]
                  }
                }
                """.formatted(group, WORKERS, second, third);
    }
}
