package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the rendered objects' names. Under {@code naming_policy = "global"} the Cluster and
 * its infrastructure cluster must be named exactly {@code global} and every other object
 * must start with {@code global-}. Under any policy, the Cluster's and each
 * MachineDeployment's name must be a DNS-1123 label (Cluster API puts them in label
 * values), and every name a DNS-1123 subdomain. Each problem is reported where the
 * configuration gives the name: the cluster's name, or the worker pool's.
 */
final class NamingPolicy
{
    static final String GLOBAL = "global";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAXIMUM_LABEL_LENGTH = 63;
    private static final int MAXIMUM_SUBDOMAIN_LENGTH = 253;

    private NamingPolicy() {}

    static List<Diagnostic> check(Cluster cluster, RenderedCluster rendered)
    {
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean global = cluster.namingPolicy().known().filter(GLOBAL::equals).isPresent();
        for (RenderedObject object : rendered.objects()) {
            SourceRange range = rangeOf(cluster, rendered, object);
            if (global) {
                checkGlobal(object, range, diagnostics);
            }
            boolean label = object.role() == ObjectRole.CLUSTER || object.role() == ObjectRole.MACHINE_DEPLOYMENT;
            checkSyntax(object, label, range, diagnostics);
        }
        return List.copyOf(diagnostics);
    }

    private static void checkGlobal(RenderedObject object, SourceRange range, List<Diagnostic> diagnostics)
    {
        boolean exact = object.role() == ObjectRole.CLUSTER || object.role() == ObjectRole.INFRASTRUCTURE_CLUSTER;
        if (exact && !object.name().equals(GLOBAL)) {
            diagnostics.add(Diagnostic.error(
                    "Object name does not follow the naming policy",
                    "With naming_policy = \"global\" the " + object.kind() + " must be named exactly \"global\", but this cluster renders it as \""
                            + object.name() + "\". Name the block cluster \"global\" without count or for_each, or drop the naming policy.",
                    range));
        }
        if (!exact && !object.name().startsWith(GLOBAL + "-")) {
            diagnostics.add(Diagnostic.error(
                    "Object name does not follow the naming policy",
                    "With naming_policy = \"global\" every object but the Cluster and its infrastructure cluster is prefixed \"global-\", but the "
                            + object.kind() + " is named \"" + object.name() + "\". Name the block cluster \"global\", or drop the naming policy.",
                    range));
        }
    }

    private static void checkSyntax(RenderedObject object, boolean label, SourceRange range, List<Diagnostic> diagnostics)
    {
        String name = object.name();
        boolean valid = label
                ? name.length() <= MAXIMUM_LABEL_LENGTH && DNS_LABEL.matcher(name).matches()
                : name.length() <= MAXIMUM_SUBDOMAIN_LENGTH && DNS_SUBDOMAIN.matcher(name).matches();
        if (!valid) {
            String rule = label
                    ? "a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)"
                    : "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)";
            diagnostics.add(Diagnostic.error(
                    "Invalid object name",
                    "The " + object.kind() + " would be named \"" + name + "\", which is not " + rule + ". Shorten or rename the cluster or pool.",
                    range));
        }
    }

    private static SourceRange rangeOf(Cluster cluster, RenderedCluster rendered, RenderedObject object)
    {
        for (RenderedPool pool : rendered.pools()) {
            if (pool.objects().contains(object)) {
                return cluster.workerPools().stream()
                        .filter(candidate -> candidate.name().equals(pool.pool()))
                        .map(Cluster.WorkerPool::nameRange)
                        .findFirst()
                        .orElse(cluster.nameRange());
            }
        }
        return cluster.nameRange();
    }
}
