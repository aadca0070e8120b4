package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.state.ResourceInstance;

import java.util.Optional;

/**
 * Whether a replacement still has to delete: the object the datacenter holds is the one the
 * state recorded (or one never completed), not the new one a replacement interrupted after
 * its deletion already made. A rerun of a finished replacement then deletes nothing.
 */
final class Replacement
{
    private Replacement() {}

    static boolean holdsOriginal(JsonNode stored, Optional<ResourceInstance> prior, ResourceSchema schema)
    {
        if (prior.isEmpty() || stored.isNull()) {
            return true;
        }
        return ValueParts.fromJson(stored, schema).equals(ValueParts.fromJson(prior.get().attributes(), schema));
    }
}
