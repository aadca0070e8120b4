package dev.kiln.lang.functions;

import dev.kiln.lang.value.Type;

import static java.util.Objects.requireNonNull;

/**
 * One declared parameter of a standard function. The framework converts each argument to
 * {@code type}; {@code allowNull}, {@code allowUnknown} and {@code allowSensitive} say whether
 * the implementation sees such arguments itself (otherwise: an error, an unknown result, or
 * the marks removed before the call and put on the result).
 */
record Parameter(String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowSensitive)
{
    Parameter
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    static Parameter of(String name, Type type)
    {
        return new Parameter(name, type, false, false, false);
    }

    Parameter allowingNull()
    {
        return new Parameter(name, type, true, allowUnknown, allowSensitive);
    }

    Parameter allowingUnknown()
    {
        return new Parameter(name, type, allowNull, true, allowSensitive);
    }

    Parameter allowingSensitive()
    {
        return new Parameter(name, type, allowNull, allowUnknown, true);
    }
}
