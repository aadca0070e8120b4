package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Storage;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A cluster's storage classes have unique names, at most one is the default, and reclaim policies are Delete or Retain. */
final class StorageClassRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Map<String, SourceRange> names = new HashMap<>();
        Optional<SourceRange> firstDefault = Optional.empty();
        for (Storage storage : cluster.storages()) {
            storage.storageClass().known().ifPresent(name -> {
                SourceRange previous = names.putIfAbsent(name, storage.storageClass().range());
                if (previous != null) {
                    diagnostics.add(Diagnostic.error(
                            "Duplicate storage class",
                            "The storage class \"" + storage.storageClass().shown(name) + "\" is already declared for this cluster at " + previous
                                    + ". Each storage block needs its own storage_class name.",
                            storage.storageClass().range()));
                }
            });
            if (storage.defaultClass().known().orElse(false)) {
                if (firstDefault.isPresent()) {
                    diagnostics.add(Diagnostic.error(
                            "More than one default storage class",
                            "Another storage class of this cluster is already the default (" + firstDefault.get()
                                    + "); Kubernetes picks among several defaults unpredictably. Set default_class = true on one storage block only.",
                            storage.defaultClass().range()));
                }
                else {
                    firstDefault = Optional.of(storage.defaultClass().range());
                }
            }
            storage.reclaimPolicy().known().filter(policy -> !Storage.RECLAIM_POLICIES.contains(policy)).ifPresent(policy -> diagnostics.add(Diagnostic.error(
                    "Invalid reclaim policy",
                    "reclaim_policy must be \"Delete\" or \"Retain\", not \"" + storage.reclaimPolicy().shown(policy) + "\"."
                            + Suggestions.didYouMean(storage.reclaimPolicy(), policy, Storage.RECLAIM_POLICIES),
                    storage.reclaimPolicy().range())));
        }
    }
}
