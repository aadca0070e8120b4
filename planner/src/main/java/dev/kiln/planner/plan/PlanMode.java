package dev.kiln.planner.plan;

/** Whether a plan converges on the configuration or destroys everything recorded. */
public enum PlanMode
{
    NORMAL,
    DESTROY,
}
