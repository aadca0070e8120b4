package dev.kiln.providers.sim;

/**
 * What every simulated driver of one provider configuration shares: the settings, simulated
 * time, failure injection, and the datacenter.
 */
final class Simulator
{
    private final SimSettings settings;
    private final DatacenterHandle datacenter;
    private final SimulatedTime time;
    private final FailureInjection injection;

    Simulator(SimSettings settings, DatacenterHandle datacenter)
    {
        this.settings = settings;
        this.datacenter = datacenter;
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
    Datacenter datacenter()
    {
        return datacenter.forReading();
    }

    /** The datacenter, for an action that changes it. */
    Datacenter datacenterForChange()
    {
        return datacenter.forChange();
    }
}
