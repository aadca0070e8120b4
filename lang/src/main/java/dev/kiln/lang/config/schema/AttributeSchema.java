package dev.kiln.lang.config.schema;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One argument a block accepts. The decoder converts the written value to {@code type},
 * reports a missing {@code required} argument, substitutes {@code defaultValue} when it is
 * omitted, and marks the value sensitive when {@code sensitive} is set.
 */
public record AttributeSchema(String name, Type type, boolean required, boolean sensitive, Optional<Value> defaultValue, String description)
{
    public AttributeSchema
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("required attribute " + name + " cannot have a default");
        }
    }

    public static AttributeSchema required(String name, Type type, String description)
    {
        return new AttributeSchema(name, type, true, false, Optional.empty(), description);
    }

    public static AttributeSchema optional(String name, Type type, String description)
    {
        return new AttributeSchema(name, type, false, false, Optional.empty(), description);
    }

    public static AttributeSchema optional(String name, Type type, Value defaultValue, String description)
    {
        return new AttributeSchema(name, type, false, false, Optional.of(defaultValue), description);
    }

    public AttributeSchema asSensitive()
    {
        return new AttributeSchema(name, type, required, true, defaultValue, description);
    }
}
