package dev.kiln.planner.render;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.OutputChange;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanSummary;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A plan as a pull-request comment: the summary, a table of changes, and per change a
 * collapsible detail holding its text rendering. Never colored; sensitive values hidden as
 * in the text rendering.
 */
public final class MarkdownRenderer
{
    private MarkdownRenderer() {}

    public static String render(Plan plan)
    {
        requireNonNull(plan, "plan is null");
        List<String> lines = new ArrayList<>();
        List<ResourceChange> changes = plan.changes().stream().filter(change -> change.action().isChange()).toList();
        List<OutputChange> outputs = plan.outputChanges().stream().filter(change -> change.action().isChange()).toList();
        lines.add("## Kiln plan");
        lines.add("");
        for (Diagnostic warning : plan.warnings()) {
            lines.add("> **Warning:** " + warning.summary() + ". " + warning.detail());
            lines.add("");
        }
        long forbidden = changes.stream().filter(ResourceChange::isForbidden).count();
        if (forbidden > 0) {
            lines.add("> **Error:** " + (forbidden == 1 ? "1 change is" : forbidden + " changes are") + " not allowed, so this plan cannot be applied.");
            lines.add("");
        }
        if (!plan.drift().isEmpty()) {
            lines.add("### Objects have changed outside of Kiln");
            lines.add("");
            table(plan.drift(), true, lines);
            details(plan.drift(), true, lines);
        }
        if (changes.isEmpty()) {
            lines.add("**No changes.** Your infrastructure matches the configuration.");
        }
        else {
            PlanSummary summary = plan.summary();
            lines.add("**Plan:** " + summary.add() + " to add, " + summary.change() + " to change, " + summary.destroy() + " to destroy.");
            lines.add("");
            table(changes, false, lines);
            details(changes, false, lines);
        }
        if (!outputs.isEmpty()) {
            if (!lines.getLast().isEmpty()) {
                lines.add("");
            }
            lines.add("### Changes to outputs");
            lines.add("");
            lines.add("| Action | Output |");
            lines.add("| --- | --- |");
            outputs.forEach(change -> lines.add("| `" + change.action().symbol() + "` " + word(change.action()) + " | " + code(change.name()) + " |"));
        }
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    private static void table(List<ResourceChange> changes, boolean drift, List<String> lines)
    {
        lines.add("| Action | Resource | Details |");
        lines.add("| --- | --- | --- |");
        for (ResourceChange change : changes) {
            String action = drift
                    ? (change.action() == Action.DELETE ? "deleted" : "changed")
                    : "`" + change.action().symbol() + "` " + word(change.action());
            lines.add("| " + action + " | " + code(change.address().toString()) + " | " + cell(details(change)) + " |");
        }
        lines.add("");
    }

    private static void details(List<ResourceChange> changes, boolean drift, List<String> lines)
    {
        for (ResourceChange change : changes) {
            String summary = drift
                    ? change.address() + (change.action() == Action.DELETE ? " has been deleted" : " has changed")
                    : change.address() + " " + ChangeHeaders.header(change);
            lines.add("<details><summary>" + html(summary) + "</summary>");
            lines.add("");
            lines.add("```");
            List<String> body = drift
                    ? ChangeBody.render(change.action(), change.type(), change.blockLabel(), change.before(), change.after(), List.of(), Style.PLAIN)
                    : TextRenderer.change(change, Style.PLAIN);
            lines.addAll(body);
            lines.add("```");
            lines.add("");
            lines.add("</details>");
            lines.add("");
        }
    }

    private static String details(ResourceChange change)
    {
        List<String> parts = new ArrayList<>();
        change.forbiddenReason().ifPresent(reason -> parts.add("**not allowed:** " + reason));
        ChangeHeaders.because(change).ifPresent(parts::add);
        if (!change.replacePaths().isEmpty()) {
            parts.add("forces replacement: " + change.replacePaths().stream().map(AttributePath::toString).map(MarkdownRenderer::code).collect(Collectors.joining(", ")));
        }
        if (!change.steps().isEmpty()) {
            parts.add(change.steps().size() == 1 ? "1 step" : change.steps().size() + " steps");
        }
        return String.join("; ", parts);
    }

    private static String word(Action action)
    {
        return switch (action) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case REPLACE -> "replace";
            case DELETE -> "destroy";
            case NO_OP -> "no-op";
        };
    }

    private static String code(String text)
    {
        return "`" + text.replace("`", "'") + "`";
    }

    private static String cell(String text)
    {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String html(String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
