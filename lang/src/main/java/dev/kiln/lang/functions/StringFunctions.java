package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code join}, {@code split}, case, trimming, {@code substr}, prefix and suffix tests, {@code indent}. */
final class StringFunctions
{
    private static final Type.ListType LIST_OF_STRING = new Type.ListType(Type.STRING);

    private StringFunctions() {}

    static List<Function> all()
    {
        return List.of(
                join(),
                split(),
                unary("lower", text -> text.toLowerCase(Locale.ROOT)),
                unary("upper", text -> text.toUpperCase(Locale.ROOT)),
                unary("title", StringFunctions::title),
                unary("trimspace", StringFunctions::trimSpace),
                trim(),
                binary("trimprefix", "prefix", (text, prefix) -> Value.string(text.startsWith(prefix) ? text.substring(prefix.length()) : text), Type.STRING),
                binary("trimsuffix", "suffix", (text, suffix) -> Value.string(text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text), Type.STRING),
                binary("startswith", "prefix", (text, prefix) -> Value.bool(text.startsWith(prefix)), Type.BOOL),
                binary("endswith", "suffix", (text, suffix) -> Value.bool(text.endsWith(suffix)), Type.BOOL),
                binary("strcontains", "substr", (text, part) -> Value.bool(text.contains(part)), Type.BOOL),
                substr(),
                indent());
    }

    private interface TextOperation
    {
        String apply(String text);
    }

    private interface TextPairOperation
    {
        Value apply(String text, String other);
    }

    private static Function unary(String name, TextOperation operation)
    {
        return StandardFunction.builder(name)
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> Value.string(operation.apply(call.string(0))));
    }

    private static Function binary(String name, String otherName, TextPairOperation operation, Type returnType)
    {
        return StandardFunction.builder(name)
                .parameter("str", Type.STRING)
                .parameter(otherName, Type.STRING)
                .returns(returnType)
                .implementation(call -> operation.apply(call.string(0), call.string(1)));
    }

    private static Function join()
    {
        return StandardFunction.builder("join")
                .parameter("separator", Type.STRING)
                .variadic("lists", LIST_OF_STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    if (call.count() < 2) {
                        throw new FunctionException("Not enough function arguments: function \"join\" expects at least one list to join.");
                    }
                    List<String> parts = new ArrayList<>();
                    for (int index = 1; index < call.count(); index++) {
                        List<Value> elements = ((Value.ListValue) call.argument(index)).elements();
                        for (int position = 0; position < elements.size(); position++) {
                            if (!(elements.get(position) instanceof Value.StringValue string)) {
                                throw call.error(index, "element " + position + " is null");
                            }
                            parts.add(string.value());
                        }
                    }
                    return Value.string(String.join(call.string(0), parts));
                });
    }

    private static Function split()
    {
        return StandardFunction.builder("split")
                .parameter("separator", Type.STRING)
                .parameter("str", Type.STRING)
                .returns(LIST_OF_STRING)
                .implementation(call -> {
                    String separator = call.string(0);
                    String text = call.string(1);
                    List<Value> parts = new ArrayList<>();
                    if (separator.isEmpty()) {
                        text.codePoints().forEach(codePoint -> parts.add(Value.string(Character.toString(codePoint))));
                        return Value.list(Type.STRING, parts);
                    }
                    int start = 0;
                    for (int found = text.indexOf(separator); found >= 0; found = text.indexOf(separator, start)) {
                        parts.add(Value.string(text.substring(start, found)));
                        start = found + separator.length();
                    }
                    parts.add(Value.string(text.substring(start)));
                    return Value.list(Type.STRING, parts);
                });
    }

    private static Function trim()
    {
        return StandardFunction.builder("trim")
                .parameter("str", Type.STRING)
                .parameter("cutset", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    String text = call.string(0);
                    String cutset = call.string(1);
                    int start = 0;
                    int end = text.length();
                    while (start < end && cutset.indexOf(text.codePointAt(start)) >= 0) {
                        start += Character.charCount(text.codePointAt(start));
                    }
                    while (end > start && cutset.indexOf(text.codePointBefore(end)) >= 0) {
                        end -= Character.charCount(text.codePointBefore(end));
                    }
                    return Value.string(text.substring(start, end));
                });
    }

    private static Function substr()
    {
        return StandardFunction.builder("substr")
                .parameter("str", Type.STRING)
                .parameter("offset", Type.NUMBER)
                .parameter("length", Type.NUMBER)
                .returns(Type.STRING)
                .implementation(call -> {
                    List<String> characters = Graphemes.split(call.string(0));
                    int offset = clamped(call, 1);
                    int length = clamped(call, 2);
                    if (offset < 0) {
                        offset = Math.max(0, offset + characters.size());
                    }
                    if (offset >= characters.size()) {
                        return Value.string("");
                    }
                    int end = length < 0 ? characters.size() : (int) Math.min(characters.size(), (long) offset + length);
                    return Value.string(String.join("", characters.subList(offset, end)));
                });
    }

    /** A whole number argument, with values beyond the range of {@code int} (far past any string's end) clamped to it. */
    private static int clamped(Call call, int index)
            throws FunctionException
    {
        BigDecimal number = call.number(index);
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            number = BigDecimal.valueOf(Integer.MAX_VALUE);
        }
        else if (number.compareTo(BigDecimal.valueOf(-Integer.MAX_VALUE)) < 0) {
            number = BigDecimal.valueOf(-Integer.MAX_VALUE);
        }
        return call.wholeNumber(index, number);
    }

    private static Function indent()
    {
        return StandardFunction.builder("indent")
                .parameter("spaces", Type.NUMBER)
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    int spaces = call.integer(0);
                    if (spaces < 0) {
                        throw call.error(0, "must not be negative");
                    }
                    return Value.string(call.string(1).replace("\n", "\n" + " ".repeat(spaces)));
                });
    }

    /** Upper-cases the first letter of each word; words are separated as Terraform's {@code title} separates them. */
    static String title(String text)
    {
        StringBuilder result = new StringBuilder();
        int previous = ' ';
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            result.appendCodePoint(isWordSeparator(previous) ? Character.toTitleCase(codePoint) : codePoint);
            previous = codePoint;
            index += Character.charCount(codePoint);
        }
        return result.toString();
    }

    private static boolean isWordSeparator(int codePoint)
    {
        if (codePoint <= 0x7F) {
            return !(Character.isLetterOrDigit(codePoint) || codePoint == '_');
        }
        if (Character.isLetterOrDigit(codePoint)) {
            return false;
        }
        return isSpace(codePoint);
    }

    static String trimSpace(String text)
    {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** White space as Unicode defines it: the ASCII spaces, NEL, no-break space and the space separators. */
    static boolean isSpace(int codePoint)
    {
        return switch (codePoint) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> codePoint > 0xFF && (Character.isSpaceChar(codePoint) || Character.isWhitespace(codePoint));
        };
    }
}
