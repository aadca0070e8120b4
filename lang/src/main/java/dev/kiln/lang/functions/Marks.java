package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Value;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Removing and adding the sensitive mark on values and everything inside them. */
final class Marks
{
    private static final int SHORTEST_REDACTED = 3;

    private Marks() {}

    /** The value with the sensitive mark added on itself when {@code sensitive}; nested marks kept. */
    static Value mark(Value value, boolean sensitive)
    {
        return sensitive && !value.sensitive() ? value.withSensitive(true) : value;
    }

    /**
     * The exception, or a copy whose message has the text of every sensitive string or number
     * in {@code arguments} replaced by {@code (sensitive value)}: a last guard for messages
     * that quote an argument. Texts shorter than {@value #SHORTEST_REDACTED} characters are
     * left alone, as replacing them would garble the message rather than protect anything.
     */
    static FunctionException redact(FunctionException exception, List<Value> arguments)
    {
        String message = exception.getMessage();
        Set<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        arguments.forEach(argument -> collectSecrets(argument, false, secrets));
        String redacted = message;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, "(sensitive value)");
        }
        if (redacted.equals(message)) {
            return exception;
        }
        return exception.argumentIndex().isPresent()
                ? new FunctionException(exception.argumentIndex().getAsInt(), redacted)
                : new FunctionException(redacted);
    }

    private static void collectSecrets(Value value, boolean inherited, Set<String> secrets)
    {
        boolean sensitive = inherited || value.sensitive();
        switch (value) {
            case Value.StringValue string -> addSecret(string.value(), sensitive, secrets);
            case Value.NumberValue number -> addSecret(number.value().toPlainString(), sensitive, secrets);
            case Value.ListValue list -> list.elements().forEach(element -> collectSecrets(element, sensitive, secrets));
            case Value.SetValue set -> set.elements().forEach(element -> collectSecrets(element, sensitive, secrets));
            case Value.TupleValue tuple -> tuple.elements().forEach(element -> collectSecrets(element, sensitive, secrets));
            case Value.MapValue map -> map.entries().values().forEach(element -> collectSecrets(element, sensitive, secrets));
            case Value.ObjectValue object -> object.attributes().values().forEach(element -> collectSecrets(element, sensitive, secrets));
            case Value.BoolValue ignored -> { }
            case Value.Null ignored -> { }
            case Value.Unknown ignored -> { }
        }
    }

    private static void addSecret(String text, boolean sensitive, Set<String> secrets)
    {
        if (sensitive && text.length() >= SHORTEST_REDACTED) {
            secrets.add(text);
        }
    }
}
