package dev.kiln.planner.plan;

/** Why an action was chosen when the action alone does not say it, spelled as Terraform's JSON plan {@code action_reason}. */
public enum ActionReason
{
    REPLACE_BECAUSE_TAINTED("replace_because_tainted"),
    REPLACE_BY_REQUEST("replace_by_request"),
    REPLACE_BECAUSE_CANNOT_UPDATE("replace_because_cannot_update"),
    /** Kiln's own reason: a child instance ({@code cluster.prod.pool["a"]}) is replaced because its parent is. */
    REPLACE_BECAUSE_PARENT_REPLACED("replace_because_parent_replaced"),
    DELETE_BECAUSE_NO_RESOURCE_CONFIG("delete_because_no_resource_config"),
    DELETE_BECAUSE_COUNT_INDEX("delete_because_count_index"),
    DELETE_BECAUSE_EACH_KEY("delete_because_each_key");

    private final String jsonName;

    ActionReason(String jsonName)
    {
        this.jsonName = jsonName;
    }

    public String jsonName()
    {
        return jsonName;
    }
}
