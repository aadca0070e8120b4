package dev.kiln.lang.config.model;

import dev.kiln.lang.value.Type;

/** The value types Kiln's schemas use beyond the primitives. */
final class AttributeTypes
{
    static final Type STRING_LIST = new Type.ListType(Type.STRING);
    static final Type STRING_MAP = new Type.MapType(Type.STRING);

    private AttributeTypes() {}
}
