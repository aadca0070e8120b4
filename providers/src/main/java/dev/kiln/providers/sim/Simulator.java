package dev.kiln.providers.sim;

import java.nio.file.Path;

/**
 * What every simulated driver shares: the settings, simulated time, failure injection, and
 * the datacenter, opened on first use (once per process: it is read whole when opened).
 */
final class Simulator
{
    private final SimSettings settings;
    private final Path directory;
    private final SimulatedTime time;
    private final FailureInjection injection;
    private Datacenter datacenter;
    private boolean cleaned;

    Simulator(SimSettings settings, Path directory)
    {
        this.settings = settings;
        this.directory = directory;
        this.time = new SimulatedTime(settings.speed());
        this.injection = new FailureInjection(settings, time);
    }

    SimSettings settings()
    {
        return settings;
    }

    SimulatedTime time()
    {
        return time;
    }

    FailureInjection injection()
    {
        return injection;
    }

    /** The datacenter, for reading (refresh, plans). */
    synchronized Datacenter datacenter()
    {
        if (datacenter == null) {
            datacenter = Datacenter.open(directory);
        }
        return datacenter;
    }

    /** The datacenter, for an action that changes it: the first such use removes what killed writers left behind. */
    synchronized Datacenter datacenterForChange()
    {
        Datacenter opened = datacenter();
        if (!cleaned) {
            opened.removeLeftovers();
            cleaned = true;
        }
        return opened;
    }
}
