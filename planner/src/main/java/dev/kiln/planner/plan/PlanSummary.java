package dev.kiln.planner.plan;

import java.util.List;

/** The counts of {@code Plan: 3 to add, 1 to change, 0 to destroy.}; a replacement adds one and destroys one. */
public record PlanSummary(int add, int change, int destroy)
{
    public static PlanSummary of(List<ResourceChange> changes)
    {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (ResourceChange resourceChange : changes) {
            switch (resourceChange.action()) {
                case CREATE -> add++;
                case UPDATE -> change++;
                case REPLACE -> {
                    add++;
                    destroy++;
                }
                case DELETE -> destroy++;
                case NO_OP -> {
                }
            }
        }
        return new PlanSummary(add, change, destroy);
    }
}
