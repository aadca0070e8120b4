package dev.kiln.executors.apply;

import java.util.Optional;

/** Finds the driver that carries out changes of one resource type for one provider configuration. */
@FunctionalInterface
public interface Drivers
{
    /** {@code provider} as the plan names it ({@code sim}, {@code capi.east}); {@code type} the resource type. */
    Optional<Driver> driver(String provider, String type);
}
