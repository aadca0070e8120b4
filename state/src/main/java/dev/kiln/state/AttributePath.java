package dev.kiln.state;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The path to one value inside a resource instance's attributes, such as
 * {@code admin_token}, {@code members[0].key} or {@code labels["team"]}; used to mark
 * sensitive values. Ordered step by step, so sets of paths render stably.
 */
public record AttributePath(List<PathStep> steps)
        implements Comparable<AttributePath>
{
    public AttributePath
    {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("attribute path is empty");
        }
    }

    public static AttributePath of(PathStep... steps)
    {
        return new AttributePath(List.of(steps));
    }

    public static AttributePath attribute(String name)
    {
        return of(new PathStep.Attribute(name));
    }

    @Override
    public int compareTo(AttributePath other)
    {
        int common = Math.min(steps.size(), other.steps.size());
        for (int i = 0; i < common; i++) {
            int byStep = steps.get(i).compareTo(other.steps.get(i));
            if (byStep != 0) {
                return byStep;
            }
        }
        return Integer.compare(steps.size(), other.steps.size());
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder();
        for (PathStep step : steps) {
            switch (step) {
                case PathStep.Attribute attribute -> {
                    if (!text.isEmpty()) {
                        text.append('.');
                    }
                    text.append(attribute.name());
                }
                case PathStep.Index index -> text.append('[').append(index.value()).append(']');
                case PathStep.Key key -> text.append("[\"")
                        .append(key.value().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\"]");
            }
        }
        return text.toString();
    }
}
