package dev.kiln.providers.sim;

import java.nio.file.Path;

/**
 * One datacenter directory, opened on first use and then shared by every provider
 * configuration that names it (it is read whole when opened, so one process keeps one copy).
 */
final class DatacenterHandle
{
    private final Path directory;
    private Datacenter datacenter;
    private boolean cleaned;

    DatacenterHandle(Path directory)
    {
        this.directory = directory;
    }

    synchronized Datacenter forReading()
    {
        if (datacenter == null) {
            datacenter = Datacenter.open(directory);
        }
        return datacenter;
    }

    /** The first use for a change removes what writes of a killed process left behind (Kiln holds the state lock then). */
    synchronized Datacenter forChange()
    {
        Datacenter opened = forReading();
        if (!cleaned) {
            opened.removeLeftovers();
            cleaned = true;
        }
        return opened;
    }
}
