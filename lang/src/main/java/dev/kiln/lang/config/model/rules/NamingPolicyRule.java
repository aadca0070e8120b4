package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code naming_policy = "global"} (a platform's global cluster): the Cluster and its
 * infrastructure cluster are named exactly {@code global} and every other object is
 * prefixed {@code global-}, so the cluster block must be named {@code global} and each
 * pool's object name {@code global-POOL} must be a valid DNS-1123 label.
 */
final class NamingPolicyRule
        implements ClusterRule
{
    static final String NONE = "none";
    static final String GLOBAL = "global";
    static final List<String> POLICIES = List.of(NONE, GLOBAL);
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAXIMUM_LABEL_LENGTH = 63;

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        String policy = cluster.namingPolicy().known().orElse(NONE);
        if (!POLICIES.contains(policy)) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported naming policy",
                    "naming_policy must be \"none\" or \"global\", not \"" + cluster.namingPolicy().shown(policy) + "\"."
                            + Suggestions.didYouMean(cluster.namingPolicy(), policy, POLICIES),
                    cluster.namingPolicy().range()));
            return;
        }
        if (!policy.equals(GLOBAL)) {
            return;
        }
        if (!cluster.address().name().equals(GLOBAL)) {
            diagnostics.add(Diagnostic.error(
                    "Cluster name does not follow the naming policy",
                    "With naming_policy = \"global\" the Cluster object is named exactly \"global\", so the block must be cluster \"global\", not \""
                            + cluster.address().name() + "\". Rename the block, or drop the naming policy.",
                    cluster.nameRange()));
        }
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            String objectName = GLOBAL + "-" + pool.name();
            if (objectName.length() > MAXIMUM_LABEL_LENGTH || !DNS_LABEL.matcher(objectName).matches()) {
                diagnostics.add(Diagnostic.error(
                        "Pool name does not follow the naming policy",
                        "With naming_policy = \"global\" this pool's objects are named \"" + objectName + "\", which is not a valid DNS-1123 label "
                                + "(lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters). Rename the pool.",
                        pool.nameRange()));
            }
        }
    }
}
