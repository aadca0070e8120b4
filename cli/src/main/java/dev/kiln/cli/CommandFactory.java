package dev.kiln.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import static java.util.Objects.requireNonNull;

/** Creates commands, handing the {@link Invocation} to those whose constructor takes one. */
final class CommandFactory
        implements IFactory
{
    private final Invocation invocation;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    Invocation invocation()
    {
        return invocation;
    }

    @Override
    public <K> K create(Class<K> type)
            throws Exception
    {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Invocation.class);
            constructor.setAccessible(true);
            return constructor.newInstance(invocation);
        }
        catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
