package dev.kiln.lang.config;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.Optional;

/**
 * The value other expressions see for a resource instance ({@code node.m1.address}). Empty
 * means "use the configuration": the instance's configured attribute values, with computed
 * attributes unknown. The planner supplies values recorded in state instead.
 */
@FunctionalInterface
public interface ResourceValues
{
    ResourceValues CONFIGURED = address -> Optional.empty();

    Optional<Value> instance(ResourceAddress address);
}
