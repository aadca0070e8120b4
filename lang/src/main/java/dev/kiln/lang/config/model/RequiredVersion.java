package dev.kiln.lang.config.model;

import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@code required_version} constraint, Terraform's way: comma-separated conditions that
 * must all hold, each an operator ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <},
 * {@code <=}, {@code ~>}) and a version, such as {@code ">= 0.1.0, < 1.0.0"} or {@code "~> 0.1"}.
 */
public final class RequiredVersion
{
    private final List<RangesList> conditions;

    private RequiredVersion(List<RangesList> conditions)
    {
        this.conditions = List.copyOf(conditions);
    }

    /** The constraint, or empty when a condition is not one (an empty text, a word, a missing version). */
    public static Optional<RequiredVersion> parse(String constraint)
    {
        requireNonNull(constraint, "constraint is null");
        List<RangesList> conditions = new ArrayList<>();
        for (String part : constraint.split(",", -1)) {
            String condition = part.strip();
            if (!condition.matches("(=|!=|>|>=|<|<=|~>)?\\s*v?[0-9]+(\\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?")) {
                return Optional.empty();
            }
            if (condition.startsWith("~>")) {
                conditions.add(RangesListFactory.create(pessimistic(condition.substring(2).strip())));
            }
            else if (condition.startsWith("!=")) {
                String version = condition.substring(2).strip();
                conditions.add(RangesListFactory.create("<" + version + " || >" + version));
            }
            else {
                conditions.add(RangesListFactory.create(condition.startsWith("=") ? condition.substring(1) : condition));
            }
        }
        return Optional.of(new RequiredVersion(conditions));
    }

    /**
     * Terraform's pessimistic operator: {@code ~> 1.2} allows 1.2 and later below 2.0,
     * {@code ~> 1.2.3} allows 1.2.3 and later below 1.3.0: only the last written part may grow.
     */
    private static String pessimistic(String version)
    {
        String bare = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = bare.split("-", 2)[0].split("\\.");
        int[] numbers = new int[3];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        int grow = Math.max(0, parts.length - 2);
        int[] limit = new int[3];
        System.arraycopy(numbers, 0, limit, 0, grow);
        limit[grow] = numbers[grow] + 1;
        return ">=" + numbers[0] + "." + numbers[1] + "." + numbers[2] + " <" + limit[0] + "." + limit[1] + "." + limit[2];
    }

    /** Whether {@code version} meets every condition. */
    public boolean allows(String version)
    {
        Semver semver = Semver.coerce(version);
        return semver != null && conditions.stream().allMatch(semver::satisfies);
    }
}
