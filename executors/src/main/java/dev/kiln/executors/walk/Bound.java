package dev.kiln.executors.walk;

import static java.util.Objects.requireNonNull;

/**
 * A named limit shared by work items: at most {@code limit} items naming the same bound run at
 * once. {@code host:127.0.0.2} with limit 1 allows one mutating action per host at a time;
 * {@code etcd-membership:cluster.prod} with limit 1 one membership change per cluster. Every
 * item naming a bound must give it the same limit.
 */
public record Bound(String name, int limit)
        implements Comparable<Bound>
{
    public Bound
    {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("bound name is empty");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("bound " + name + " has limit " + limit + ", expected at least 1");
        }
    }

    public static Bound of(String name, int limit)
    {
        return new Bound(name, limit);
    }

    @Override
    public int compareTo(Bound other)
    {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(limit, other.limit);
    }
}
