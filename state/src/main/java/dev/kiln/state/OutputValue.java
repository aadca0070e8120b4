package dev.kiln.state;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/** A root output's recorded value, as JSON. Callers must not modify {@code value}. */
public record OutputValue(JsonNode value, boolean sensitive)
{
    public OutputValue
    {
        value = StateJson.owned(requireNonNull(value, "value is null"));
    }
}
