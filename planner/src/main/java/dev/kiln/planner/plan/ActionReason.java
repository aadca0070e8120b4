package dev.kiln.planner.plan;

/**
 * Why an action was chosen when the action alone does not say it, with the spelling of
 * Terraform's JSON plan {@code action_reason} and the sentence the text rendering adds.
 */
public enum ActionReason
{
    REPLACE_BECAUSE_TAINTED("replace_because_tainted", "is tainted, so it must be replaced"),
    REPLACE_BY_REQUEST("replace_by_request", "will be replaced, as requested"),
    REPLACE_BECAUSE_CANNOT_UPDATE("replace_because_cannot_update", "must be replaced"),
    DELETE_BECAUSE_NO_RESOURCE_CONFIG("delete_because_no_resource_config", "will be destroyed, because it is not in the configuration"),
    DELETE_BECAUSE_COUNT_INDEX("delete_because_count_index", "will be destroyed, because its index is out of range for count"),
    DELETE_BECAUSE_EACH_KEY("delete_because_each_key", "will be destroyed, because its key is not in for_each"),
    DELETE_BECAUSE_DESTROY("delete_because_destroy", "will be destroyed");

    private final String jsonName;
    private final String sentence;

    ActionReason(String jsonName, String sentence)
    {
        this.jsonName = jsonName;
        this.sentence = sentence;
    }

    public String jsonName()
    {
        return jsonName;
    }

    /** The text after the address in the rendered header: {@code # node.w[2] will be destroyed, because ...}. */
    public String sentence()
    {
        return sentence;
    }
}
