package dev.kiln.providers.sim;

import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.Setting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A {@code provider "sim"} block's settings: how fast simulated time runs ({@code speed} 100
 * divides every latency by a hundred), the failure injection ({@code failure_rate} with its
 * {@code seed}, addresses or steps in {@code fail} and {@code hang}), and where the simulated
 * datacenter lives, relative to the working directory.
 */
public record SimSettings(BigDecimal speed, double failureRate, long seed, SortedSet<String> fail, SortedSet<String> hang, String stateDirectory)
{
    public static final String DEFAULT_STATE_DIRECTORY = ".kiln/sim";

    public SimSettings
    {
        requireNonNull(speed, "speed is null");
        if (speed.signum() <= 0) {
            throw new IllegalArgumentException("speed must be greater than 0");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failure rate must be from 0 to 1");
        }
        fail = new TreeSet<>(fail);
        hang = new TreeSet<>(hang);
        requireNonNull(stateDirectory, "stateDirectory is null");
    }

    /** Realistic latencies, no injected failures, the datacenter in {@code .kiln/sim}. */
    public static SimSettings defaults()
    {
        return new SimSettings(BigDecimal.ONE, 0, 0, new TreeSet<>(), new TreeSet<>(), DEFAULT_STATE_DIRECTORY);
    }

    /** The settings a configuration gave; unknown or invalid values (the language reports those) fall back to the defaults. */
    public static SimSettings from(ProviderSettings.Sim sim)
    {
        requireNonNull(sim, "sim is null");
        BigDecimal speed = sim.speed().known().filter(value -> value.signum() > 0).orElse(BigDecimal.ONE);
        double failureRate = sim.failureRate().known().map(BigDecimal::doubleValue).filter(rate -> rate >= 0 && rate <= 1).orElse(0.0);
        return new SimSettings(
                speed,
                failureRate,
                sim.seed().known().orElse(0),
                new TreeSet<>(strings(sim.fail())),
                new TreeSet<>(strings(sim.hang())),
                sim.stateDirectory().known().orElse(DEFAULT_STATE_DIRECTORY));
    }

    public SimSettings withSpeed(BigDecimal newSpeed)
    {
        return new SimSettings(newSpeed, failureRate, seed, fail, hang, stateDirectory);
    }

    public SimSettings withFailures(double newFailureRate, long newSeed, Set<String> newFail, Set<String> newHang)
    {
        return new SimSettings(speed, newFailureRate, newSeed, new TreeSet<>(newFail), new TreeSet<>(newHang), stateDirectory);
    }

    private static List<String> strings(Setting<List<String>> setting)
    {
        return setting.known().orElse(List.of());
    }
}
