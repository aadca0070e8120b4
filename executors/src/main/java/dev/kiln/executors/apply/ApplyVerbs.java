package dev.kiln.executors.apply;

import dev.kiln.planner.plan.Action;

import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** The words progress uses for each action, as Terraform's: Creating..., Creation complete after 12s. */
public final class ApplyVerbs
{
    private ApplyVerbs() {}

    /** {@code Creating}, {@code Modifying}, {@code Destroying}, {@code Replacing}. */
    public static String progressive(Action action)
    {
        return switch (requireNonNull(action, "action is null")) {
            case CREATE -> "Creating";
            case UPDATE -> "Modifying";
            case DELETE -> "Destroying";
            case REPLACE -> "Replacing";
            case NO_OP -> "Reading";
        };
    }

    /** {@code Still creating}, ... */
    public static String still(Action action)
    {
        return "Still " + progressive(action).toLowerCase(Locale.ROOT);
    }

    /** {@code Creation}, {@code Modifications}, {@code Destruction}, {@code Replacement}. */
    public static String noun(Action action)
    {
        return switch (requireNonNull(action, "action is null")) {
            case CREATE -> "Creation";
            case UPDATE -> "Modifications";
            case DELETE -> "Destruction";
            case REPLACE -> "Replacement";
            case NO_OP -> "Read";
        };
    }

    /** {@code 12s}, {@code 1m5s}. */
    public static String elapsed(Duration duration)
    {
        long seconds = requireNonNull(duration, "duration is null").toSeconds();
        return seconds < 60 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60) + "s";
    }
}
