package dev.kiln.providers;

import dev.kiln.executors.apply.Driver;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;

import java.util.Optional;

/**
 * One configured provider ({@code sim}, later {@code kubeadm}, {@code capi.east}): the diff
 * rule, refresher and driver it has for each resource type it manages.
 */
public interface Provider
{
    /** How this provider plans changes to instances of {@code type}; empty when it manages no such resources. */
    Optional<DiffRule> diffRule(String type);

    /** Reads the real objects behind this provider's recorded instances. */
    Refresher refresher();

    /** Carries out changes to instances of {@code type}; empty when it manages no such resources. */
    Optional<Driver> driver(String type);

    /** Adopts existing objects of {@code type} into the state ({@code kiln import}); empty when the provider cannot. */
    default Optional<Importer> importer(String type)
    {
        return Optional.empty();
    }
}
