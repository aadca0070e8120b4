package dev.kiln.lang.value;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A value that cannot be converted to the requested type. The message is user-facing and
 * names the place inside the value where conversion failed ({@code element 2: attribute
 * "port": a number is required}); it never contains the value itself, so it is safe for
 * sensitive values.
 */
public final class ConversionException
        extends Exception
{
    private final List<String> path;
    private final String reason;

    public ConversionException(String reason)
    {
        this(List.of(), reason);
    }

    private ConversionException(List<String> path, String reason)
    {
        super(message(path, reason));
        this.path = List.copyOf(path);
        this.reason = requireNonNull(reason, "reason is null");
    }

    /** The steps from the converted value to the failing part: {@code element 2}, {@code attribute "x"}. */
    public List<String> path()
    {
        return path;
    }

    /** The message without the path. */
    public String reason()
    {
        return reason;
    }

    ConversionException within(String step)
    {
        List<String> longer = new ArrayList<>();
        longer.add(step);
        longer.addAll(path);
        return new ConversionException(longer, reason);
    }

    static ConversionException withinElement(ConversionException exception, int index)
    {
        return exception.within("element " + index);
    }

    static ConversionException withinKey(ConversionException exception, String key)
    {
        return exception.within("element " + ValueFormat.quote(key));
    }

    static ConversionException withinAttribute(ConversionException exception, String name)
    {
        return exception.within("attribute " + ValueFormat.quote(name));
    }

    private static String message(List<String> path, String reason)
    {
        return path.isEmpty() ? reason : String.join(": ", path) + ": " + reason;
    }
}
