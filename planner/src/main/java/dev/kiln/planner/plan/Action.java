package dev.kiln.planner.plan;

import java.util.List;

/**
 * What a plan does to one resource instance or output, with the symbol the text rendering
 * shows and the action list Terraform's JSON plan format writes in {@code change.actions}.
 */
public enum Action
{
    NO_OP(" ", List.of("no-op")),
    CREATE("+", List.of("create")),
    UPDATE("~", List.of("update")),
    REPLACE("-/+", List.of("delete", "create")),
    DELETE("-", List.of("delete"));

    private final String symbol;
    private final List<String> jsonActions;

    Action(String symbol, List<String> jsonActions)
    {
        this.symbol = symbol;
        this.jsonActions = jsonActions;
    }

    public String symbol()
    {
        return symbol;
    }

    public List<String> jsonActions()
    {
        return jsonActions;
    }

    public boolean isChange()
    {
        return this != NO_OP;
    }
}
