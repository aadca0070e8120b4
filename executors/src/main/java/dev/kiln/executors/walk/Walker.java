package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkHook;

import static java.util.Objects.requireNonNull;

/**
 * Walks a {@link WalkGraph} in parallel, each action on its own virtual thread.
 *
 * <ul>
 * <li>An item becomes ready when everything it depends on has succeeded. Ready items start in
 *     id order while fewer than {@code parallelism} actions run.</li>
 * <li>Bounds: a ready item starts only when every bound it names has room, and then takes one
 *     unit of each at once; otherwise it stays ready, takes nothing, and later ready items that
 *     fit start in its place. Nothing is ever held while waiting, so bounds cannot deadlock and
 *     a busy host never idles the parallelism slots. The price: an item naming two busy bounds
 *     can be overtaken by items needing only one of them; it still starts, at the latest when
 *     the work around it drains, since the graph is finite.</li>
 * <li>A failed item's dependents, direct or not, are {@link Outcome.Skipped skipped}; independent
 *     branches go on. A dependent is settled, and reported once, when everything it depends on
 *     has settled, so the ancestor it names (the first failed one in id order) does not depend
 *     on timing. With {@code failFast} nothing new starts after the first failure; running
 *     actions finish.</li>
 * <li>{@link WalkControl#stop()}: nothing new starts, running actions finish.
 *     {@link WalkControl#cancel()}: running actions' tokens are cancelled and their threads
 *     interrupted; the walk returns when they have ended. Interrupting the calling thread
 *     cancels too (the walk still waits for running actions, then restores the interrupt).</li>
 * </ul>
 * The call returns once no action runs, with an outcome for every item.
 */
public final class Walker
{
    private Walker() {}

    public static <K, V> WalkResult<K, V> walk(WalkGraph<K, V> graph, WalkOptions options, WalkHook<K> hook, WalkControl control)
    {
        requireNonNull(graph, "graph is null");
        requireNonNull(options, "options is null");
        requireNonNull(hook, "hook is null");
        requireNonNull(control, "control is null");
        return new WalkRun<>(graph, options, hook, control).run();
    }

    public static <K, V> WalkResult<K, V> walk(WalkGraph<K, V> graph, WalkOptions options)
    {
        return walk(graph, options, WalkHook.none(), new WalkControl());
    }
}
