package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;

import static java.util.Objects.requireNonNull;

/** What a valid reference depends on: an input variable, a local value or a resource. */
sealed interface Dependency
{
    record OnVariable(String name)
            implements Dependency
    {
        public OnVariable
        {
            requireNonNull(name, "name is null");
        }
    }

    record OnLocal(String name)
            implements Dependency
    {
        public OnLocal
        {
            requireNonNull(name, "name is null");
        }
    }

    record OnResource(Reference reference)
            implements Dependency
    {
        public OnResource
        {
            requireNonNull(reference, "reference is null");
        }
    }
}
