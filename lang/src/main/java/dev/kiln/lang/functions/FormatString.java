package dev.kiln.lang.functions;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parsed {@code format} specification: literal text and verbs such as {@code %-5s},
 * {@code %.2f} or {@code %[2]d}, with flags, width, precision and an optional explicit
 * 1-based argument index, as Terraform's {@code format} reads them.
 */
record FormatString(List<Piece> pieces)
{
    FormatString
    {
        pieces = List.copyOf(pieces);
    }

    sealed interface Piece
            permits Literal, Verb
    {
    }

    record Literal(String text)
            implements Piece
    {
        Literal
        {
            requireNonNull(text, "text is null");
        }
    }

    /** One verb; {@code argument} is the 0-based argument it formats, {@code width}/{@code precision} -1 when absent. */
    record Verb(char verb, String flags, int width, int precision, int argument, int offset, String source)
            implements Piece
    {
        boolean flag(char flag)
        {
            return flags.indexOf(flag) >= 0;
        }
    }

    static final class InvalidFormat
            extends Exception
    {
        InvalidFormat(String message)
        {
            super(message);
        }
    }

    static FormatString parse(String format)
            throws InvalidFormat
    {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int nextArgument = 0;
        int position = 0;
        while (position < format.length()) {
            char character = format.charAt(position);
            if (character != '%') {
                literal.append(character);
                position++;
                continue;
            }
            if (position + 1 < format.length() && format.charAt(position + 1) == '%') {
                literal.append('%');
                position += 2;
                continue;
            }
            int start = position;
            position++;
            StringBuilder flags = new StringBuilder();
            while (position < format.length() && "+-# 0".indexOf(format.charAt(position)) >= 0) {
                flags.append(format.charAt(position++));
            }
            int argument = nextArgument;
            if (position < format.length() && format.charAt(position) == '[') {
                int close = format.indexOf(']', position);
                if (close < 0) {
                    throw new InvalidFormat("unclosed argument index at offset " + position);
                }
                argument = argumentIndex(format.substring(position + 1, close), position);
                position = close + 1;
            }
            int width = -1;
            int digits = digitsEnd(format, position);
            if (digits > position) {
                width = Integer.parseInt(format.substring(position, digits));
                position = digits;
            }
            int precision = -1;
            if (position < format.length() && format.charAt(position) == '.') {
                digits = digitsEnd(format, position + 1);
                precision = digits > position + 1 ? Integer.parseInt(format.substring(position + 1, digits)) : 0;
                position = digits;
            }
            if (position >= format.length()) {
                throw new InvalidFormat("unterminated format verb at offset " + start);
            }
            char verb = format.charAt(position++);
            if ("vtbdoxXeEfFgGsq".indexOf(verb) < 0) {
                throw new InvalidFormat("unrecognized format character '" + verb + "' at offset " + (position - 1));
            }
            if (!literal.isEmpty()) {
                pieces.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            pieces.add(new Verb(verb, flags.toString(), width, precision, argument, start, format.substring(start, position)));
            nextArgument = argument + 1;
        }
        if (!literal.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
        }
        return new FormatString(pieces);
    }

    /** How many arguments the verbs use: one past the highest index they read. */
    int argumentsUsed()
    {
        return pieces.stream()
                .filter(Verb.class::isInstance)
                .mapToInt(piece -> ((Verb) piece).argument() + 1)
                .max()
                .orElse(0);
    }

    private static int argumentIndex(String text, int offset)
            throws InvalidFormat
    {
        try {
            int index = Integer.parseInt(text);
            if (index >= 1) {
                return index - 1;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidFormat("invalid argument index [" + text + "] at offset " + offset);
    }

    private static int digitsEnd(String text, int position)
    {
        while (position < text.length() && Character.isDigit(text.charAt(position)) && position < text.length()) {
            position++;
        }
        return position;
    }
}
