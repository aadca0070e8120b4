package dev.kiln.planner.diff;

import dev.kiln.lang.config.Config;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/**
 * Everything a plan is computed from: the loaded configuration (loaded with
 * {@link RecordedResourceValues} so references see recorded attributes), the recorded
 * state, the resource types, the options, and the refresher that reads the real objects.
 */
public record PlanRequest(Config config, State state, ResourceTypes types, PlanOptions options, Refresher refresher)
{
    public PlanRequest
    {
        requireNonNull(config, "config is null");
        requireNonNull(state, "state is null");
        requireNonNull(types, "types is null");
        requireNonNull(options, "options is null");
        requireNonNull(refresher, "refresher is null");
    }
}
