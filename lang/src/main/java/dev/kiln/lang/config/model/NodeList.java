package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@code nodes = [...]} argument: the node instances it references, with {@code node.w[*]}
 * expanded to every declared instance, and how many nodes the value holds when that is
 * known (a filtering {@code for} expression may select fewer than it references).
 */
public record NodeList(List<ResourceAddress> nodes, Optional<Integer> count, SourceRange range)
{
    public NodeList
    {
        nodes = List.copyOf(nodes);
        requireNonNull(count, "count is null");
        requireNonNull(range, "range is null");
    }
}
