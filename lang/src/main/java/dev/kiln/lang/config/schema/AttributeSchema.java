package dev.kiln.lang.config.schema;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One attribute of a block. The decoder converts the written value to {@code type},
 * reports a missing {@code required} argument, substitutes {@code defaultValue} when it is
 * omitted, and marks the value sensitive when {@code sensitive} is set. A {@code computed}
 * attribute is set by the provider (an endpoint, a kubeconfig): it cannot be written in the
 * configuration, but other expressions may reference it, and it is unknown until apply.
 */
public record AttributeSchema(String name, Type type, boolean required, boolean computed, boolean sensitive, Optional<Value> defaultValue, String description)
{
    public AttributeSchema
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        if (required && (defaultValue.isPresent() || computed)) {
            throw new IllegalArgumentException("required attribute " + name + " cannot have a default or be computed");
        }
    }

    public static AttributeSchema required(String name, Type type, String description)
    {
        return new AttributeSchema(name, type, true, false, false, Optional.empty(), description);
    }

    public static AttributeSchema optional(String name, Type type, String description)
    {
        return new AttributeSchema(name, type, false, false, false, Optional.empty(), description);
    }

    public static AttributeSchema optional(String name, Type type, Value defaultValue, String description)
    {
        return new AttributeSchema(name, type, false, false, false, Optional.of(defaultValue), description);
    }

    public static AttributeSchema computed(String name, Type type, String description)
    {
        return new AttributeSchema(name, type, false, true, false, Optional.empty(), description);
    }

    public AttributeSchema asSensitive()
    {
        return new AttributeSchema(name, type, required, computed, true, defaultValue, description);
    }
}
