package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.ResourceTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A replaced parent takes its child instances along: the worker pools and scheduled backups of
 * a replaced {@code cluster.prod} belong to the cluster being deleted, so each is replaced too
 * ({@code replace_because_parent_replaced}), also when nothing of its own changed. The
 * cascade goes down every level; a child replaced by {@code -replace} alone leaves its parent
 * as it is. The plan graph already orders a child after its parent.
 */
final class ParentReplacements
{
    private ParentReplacements() {}

    static List<ResourceChange> cascade(List<ResourceChange> changes, ResourceTypes types)
    {
        Set<ResourceAddress> replaced = new HashSet<>();
        for (ResourceChange change : changes) {
            if (change.action() == Action.REPLACE && !change.isForbidden()) {
                replaced.add(change.address());
            }
        }
        if (replaced.isEmpty()) {
            return changes;
        }
        List<ResourceChange> cascaded = new ArrayList<>(changes);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int index = 0; index < cascaded.size(); index++) {
                ResourceChange change = cascaded.get(index);
                Optional<ResourceAddress> parent = change.address().parent();
                if (parent.isEmpty() || !replaced.contains(parent.get()) || replaced.contains(change.address())) {
                    continue;
                }
                ResourceChange replacement = types.find(change.type())
                        .map(type -> InstancePlanner.replacedWithParent(change, type))
                        .orElse(change);
                if (replacement.action() == Action.REPLACE) {
                    cascaded.set(index, replacement);
                    replaced.add(change.address());
                    grew = true;
                }
            }
        }
        return List.copyOf(cascaded);
    }
}
