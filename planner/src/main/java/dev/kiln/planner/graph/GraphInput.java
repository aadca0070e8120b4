package dev.kiln.planner.graph;

import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a plan graph is built from: the configuration, the recorded state, whether the plan
 * destroys everything, and the configuration's child instances ({@link ChildInstances}).
 */
public record GraphInput(Config config, State state, boolean destroy, List<DecodedInstance> children)
{
    public GraphInput
    {
        requireNonNull(config, "config is null");
        requireNonNull(state, "state is null");
        children = List.copyOf(children);
    }

    public GraphInput(Config config, State state, boolean destroy)
    {
        this(config, state, destroy, ChildInstances.of(config));
    }

    /** Every configured instance: the configuration's resources, then their children. */
    public List<DecodedInstance> instances()
    {
        if (children.isEmpty()) {
            return config.resources();
        }
        List<DecodedInstance> all = new ArrayList<>(config.resources());
        all.addAll(children);
        return all;
    }
}
