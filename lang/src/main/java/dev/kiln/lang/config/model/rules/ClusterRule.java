package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostics;

/** A rule that looks at one cluster at a time, in address order. */
interface ClusterRule
        extends ModelRule
{
    void check(Cluster cluster, Model model, Diagnostics diagnostics);

    @Override
    default void check(Model model, Diagnostics diagnostics)
    {
        for (Cluster cluster : model.clusters().values()) {
            check(cluster, model, diagnostics);
        }
    }
}
