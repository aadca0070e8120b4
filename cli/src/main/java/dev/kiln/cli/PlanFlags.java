package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.plan.PlanMode;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The options that shape a plan: {@code -target}, {@code -replace}, {@code -refresh=false}. */
final class PlanFlags
{
    @Option(names = {"-target", "--target"}, paramLabel = "ADDRESS",
            description = "Plan only this resource instance and what it depends on (repeatable).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-replace", "--replace"}, paramLabel = "ADDRESS",
            description = "Replace this resource instance even if it is unchanged (repeatable).")
    List<String> replace = new ArrayList<>();

    @Option(names = {"-refresh", "--refresh"}, paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            description = "Read every recorded object before planning (default true); -refresh=false plans from the state alone.")
    boolean refresh = true;

    /** The options, or empty after adding the diagnostics of addresses that do not parse. */
    Optional<PlanOptions> options(PlanMode mode, Diagnostics diagnostics)
    {
        TreeSet<ResourceAddress> targetAddresses = parse(targets, "-target", diagnostics);
        TreeSet<ResourceAddress> replaceAddresses = parse(replace, "-replace", diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PlanOptions(mode, targetAddresses, replaceAddresses, refresh));
    }

    private static TreeSet<ResourceAddress> parse(List<String> texts, String option, Diagnostics diagnostics)
    {
        TreeSet<ResourceAddress> addresses = new TreeSet<>();
        for (String text : texts) {
            ResourceAddressParser.parse(text, option, diagnostics).ifPresent(addresses::add);
        }
        return addresses;
    }
}
