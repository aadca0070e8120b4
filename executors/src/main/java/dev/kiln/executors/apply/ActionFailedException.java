package dev.kiln.executors.apply;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A driver failed a change: which instance, during which step (the last progress it reported), and why. */
public final class ActionFailedException
        extends Exception
{
    private final ResourceAddress address;
    private final Optional<String> step;

    ActionFailedException(ResourceAddress address, Optional<String> step, Throwable cause)
    {
        super(message(cause), cause);
        this.address = requireNonNull(address, "address is null");
        this.step = requireNonNull(step, "step is null");
    }

    public ResourceAddress address()
    {
        return address;
    }

    /** What the driver was doing when it failed, as it last reported. */
    public Optional<String> step()
    {
        return step;
    }

    static String message(Throwable cause)
    {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
