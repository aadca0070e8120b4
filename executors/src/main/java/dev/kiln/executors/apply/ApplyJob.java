package dev.kiln.executors.apply;

import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Plan;
import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/**
 * What an apply carries out: the plan, the graph it was made on (its order edges say which
 * action waits for which), the state the plan was made from, the drivers, where actions are
 * recorded, and how to walk.
 */
public record ApplyJob(Plan plan, PlanGraph graph, State prior, Drivers drivers, ActionLog log, ApplyOptions options)
{
    public ApplyJob
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(drivers, "drivers is null");
        requireNonNull(log, "log is null");
        requireNonNull(options, "options is null");
    }
}
