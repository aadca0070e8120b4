package dev.kiln.providers.backup;

/** Hears each restore step as it finishes, per node: "stop static pods", "restore snapshot", … */
@FunctionalInterface
public interface RestoreProgress
{
    void step(String node, String step);
}
