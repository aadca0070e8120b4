package dev.kiln.cli;

import dev.kiln.executors.apply.Drivers;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceTypes;

/** What the engine needs of a configuration's providers: resource types to plan, a refresher, drivers to apply. */
record ProviderSet(ResourceTypes resourceTypes, Refresher refresher, Drivers drivers) {}
