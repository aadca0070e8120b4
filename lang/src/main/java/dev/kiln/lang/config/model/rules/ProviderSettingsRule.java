package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.math.BigDecimal;

/** Provider configurations: the simulator's speed is positive and its failure rate a probability. */
final class ProviderSettingsRule
        implements ModelRule
{
    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        for (ProviderSettings provider : model.providers()) {
            if (provider instanceof ProviderSettings.Sim sim) {
                sim.speed().known().filter(speed -> speed.signum() <= 0).ifPresent(speed -> diagnostics.add(Diagnostic.error(
                        "Invalid simulation speed",
                        "speed is " + sim.speed().shown(speed.toPlainString()) + "; it must be greater than 0 (1 is real time, 100 a hundred times faster).",
                        sim.speed().range())));
                sim.failureRate().known().filter(rate -> rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0).ifPresent(rate -> diagnostics.add(Diagnostic.error(
                        "Invalid failure rate",
                        "failure_rate is " + sim.failureRate().shown(rate.toPlainString()) + "; it is a probability, from 0 (never fail) to 1 (always fail).",
                        sim.failureRate().range())));
            }
        }
    }
}
