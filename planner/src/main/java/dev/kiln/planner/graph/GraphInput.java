package dev.kiln.planner.graph;

import dev.kiln.lang.config.Config;
import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/** What a plan graph is built from: the configuration, the recorded state, and whether the plan destroys everything. */
public record GraphInput(Config config, State state, boolean destroy)
{
    public GraphInput
    {
        requireNonNull(config, "config is null");
        requireNonNull(state, "state is null");
    }
}
