package dev.kiln.planner.render;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.OutputChange;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.PlanSummary;
import dev.kiln.planner.plan.ResourceChange;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A plan as people read it in a terminal, in the shape Terraform users know: drift first
 * ("Objects have changed outside of Kiln"), then each change with its header comment, body
 * and steps, the summary line, output changes, and warnings.
 */
public final class TextRenderer
{
    static final String RULE = "─".repeat(77);

    private TextRenderer() {}

    public static String render(Plan plan, Style style)
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(style, "style is null");
        List<String> lines = new ArrayList<>();
        drift(plan, style, lines);
        List<ResourceChange> changes = plan.changes().stream().filter(change -> change.action().isChange()).toList();
        List<OutputChange> outputs = plan.outputChanges().stream().filter(change -> change.action().isChange()).toList();
        if (changes.isEmpty()) {
            noChanges(plan, outputs, style, lines);
        }
        else {
            legend(changes, style, lines);
            lines.add("Kiln will perform the following actions:");
            for (ResourceChange change : changes) {
                lines.add("");
                lines.addAll(change(change, style));
            }
            lines.add("");
            PlanSummary summary = plan.summary();
            lines.add(style.bold("Plan:") + " " + summary.add() + " to add, " + summary.change() + " to change, " + summary.destroy() + " to destroy.");
            outputs(outputs, style, lines);
        }
        for (Diagnostic warning : plan.warnings()) {
            lines.add("");
            lines.add(style.warning("Warning: ") + style.bold(warning.summary()));
            lines.add("");
            lines.add(warning.detail());
        }
        return String.join("\n", lines) + "\n";
    }

    /** One change: header comment, body and steps; also the detail the Markdown rendering folds. */
    static List<String> change(ResourceChange change, Style style)
    {
        List<String> lines = new ArrayList<>();
        lines.add("  " + style.bold("# " + change.address() + " " + ChangeHeaders.header(change)));
        ChangeHeaders.because(change).ifPresent(reason -> lines.add("  # " + reason));
        lines.addAll(ChangeBody.render(change.action(), change.type(), change.blockLabel(), change.before(), change.after(), change.replacePaths(), style));
        if (!change.steps().isEmpty()) {
            lines.add("");
            lines.add("    Steps:");
            for (int index = 0; index < change.steps().size(); index++) {
                lines.add("      " + (index + 1) + ". " + change.steps().get(index));
            }
        }
        return lines;
    }

    private static void drift(Plan plan, Style style, List<String> lines)
    {
        if (plan.drift().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(style.bold("Note: Objects have changed outside of Kiln"));
        lines.add("");
        lines.add("Kiln detected the following changes made outside of Kiln since the last \"kiln apply\" which may have affected this plan:");
        for (ResourceChange change : plan.drift()) {
            lines.add("");
            lines.add("  " + style.bold("# " + change.address() + (change.action() == Action.DELETE ? " has been deleted" : " has changed")));
            lines.addAll(ChangeBody.render(change.action(), change.type(), change.blockLabel(), change.before(), change.after(), List.of(), style));
        }
        lines.add("");
        lines.add("Unless you have made equivalent changes to your configuration, the following plan may include actions to undo or respond to these changes.");
        lines.add("");
        lines.add(RULE);
        lines.add("");
    }

    private static void noChanges(Plan plan, List<OutputChange> outputs, Style style, List<String> lines)
    {
        if (plan.mode() == PlanMode.DESTROY) {
            lines.add(style.bold("No changes.") + " No objects need to be destroyed.");
            lines.add("");
            lines.add("Either you have not created any objects yet or the existing objects were already deleted outside of Kiln.");
            outputs(outputs, style, lines);
            return;
        }
        lines.add(style.bold("No changes.") + " Your infrastructure matches the configuration.");
        lines.add("");
        lines.add("Kiln has compared your real infrastructure against your configuration and found no differences, so no changes are needed.");
        if (!outputs.isEmpty()) {
            outputs(outputs, style, lines);
            lines.add("");
            lines.add("You can apply this plan to save these new output values to the Kiln state, without changing any real infrastructure.");
        }
    }

    private static void legend(List<ResourceChange> changes, Style style, List<String> lines)
    {
        lines.add("Kiln used the selected providers to generate the following execution");
        lines.add("plan. Resource actions are indicated with the following symbols:");
        for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.REPLACE)) {
            if (changes.stream().anyMatch(change -> change.action() == action)) {
                String symbol = " ".repeat(3 - action.symbol().length()) + action.symbol();
                lines.add(style.action(action, symbol) + " " + switch (action) {
                    case CREATE -> "create";
                    case UPDATE -> "update in-place";
                    case DELETE -> "destroy";
                    case REPLACE -> "destroy and then create replacement";
                    case NO_OP -> "no-op";
                });
            }
        }
        lines.add("");
    }

    private static void outputs(List<OutputChange> outputs, Style style, List<String> lines)
    {
        if (outputs.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("Changes to Outputs:");
        int width = outputs.stream().mapToInt(change -> change.name().length()).max().orElse(0);
        for (OutputChange change : outputs) {
            String name = change.name() + " ".repeat(width - change.name().length());
            lines.add(style.action(change.action(), "  " + change.action().symbol()) + " " + name + " = " + outputValue(change));
        }
    }

    private static String outputValue(OutputChange change)
    {
        if (change.sensitive()) {
            return ValueText.SENSITIVE;
        }
        return switch (change.action()) {
            case CREATE -> ValueText.inline(change.after().orElseThrow());
            case DELETE -> ValueText.inline(change.before().orElseThrow()) + " -> null";
            case UPDATE -> ValueText.inline(change.before().orElseThrow()) + " -> " + ValueText.inline(change.after().orElseThrow());
            case NO_OP, REPLACE -> change.after().map(ValueText::inline).orElse("null");
        };
    }
}
