package dev.kiln.executors.apply;

import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Plan;
import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/**
 * What an apply carries out: the plan, the graph it was made on (its order edges say which
 * action waits for which), the state the plan was made from, the drivers, where actions are
 * recorded, how to walk, and how a change whose planned value waits on other instances' new
 * values is planned again once they have been applied.
 */
public record ApplyJob(Plan plan, PlanGraph graph, State prior, Drivers drivers, ActionLog log, ApplyOptions options, FinalPlanner finalPlanner)
{
    public ApplyJob
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(drivers, "drivers is null");
        requireNonNull(log, "log is null");
        requireNonNull(options, "options is null");
        requireNonNull(finalPlanner, "finalPlanner is null");
    }

    /** A job whose changes all reach their drivers as planned. */
    public ApplyJob(Plan plan, PlanGraph graph, State prior, Drivers drivers, ActionLog log, ApplyOptions options)
    {
        this(plan, graph, prior, drivers, log, options, FinalPlanner.NONE);
    }
}
