package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** {@code regex}, {@code regexall} and {@code replace}, with RE2 pattern syntax. */
final class RegexFunctions
{
    private RegexFunctions() {}

    static List<Function> all()
    {
        return List.of(regex(), regexall(), replace());
    }

    private static Function regex()
    {
        return StandardFunction.builder("regex")
                .parameter("pattern", Type.STRING)
                .parameter("string", Type.STRING)
                .returns(call -> call.argument(0).isKnown() ? matchType(call, compile(call, 0, call.string(0))) : Type.DYNAMIC)
                .implementation(call -> {
                    Re2Pattern pattern = compile(call, 0, call.string(0));
                    matchType(call, pattern);
                    Matcher matcher = pattern.matcher(call.string(1));
                    if (!matcher.find()) {
                        throw new FunctionException("pattern did not match any part of the given string");
                    }
                    return match(pattern, matcher);
                });
    }

    private static Function regexall()
    {
        return StandardFunction.builder("regexall")
                .parameter("pattern", Type.STRING)
                .parameter("string", Type.STRING)
                .returns(call -> new Type.ListType(call.argument(0).isKnown() ? matchType(call, compile(call, 0, call.string(0))) : Type.DYNAMIC))
                .implementation(call -> {
                    Re2Pattern pattern = compile(call, 0, call.string(0));
                    Type type = matchType(call, pattern);
                    Matcher matcher = pattern.matcher(call.string(1));
                    List<Value> matches = new ArrayList<>();
                    while (matcher.find()) {
                        matches.add(match(pattern, matcher));
                    }
                    return Value.list(type, matches);
                });
    }

    private static Function replace()
    {
        return StandardFunction.builder("replace")
                .parameter("str", Type.STRING)
                .parameter("substr", Type.STRING)
                .parameter("replace", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    String text = call.string(0);
                    String search = call.string(1);
                    String replacement = call.string(2);
                    if (search.length() < 2 || !search.startsWith("/") || !search.endsWith("/")) {
                        return Value.string(text.replace(search, replacement));
                    }
                    Re2Pattern pattern = compile(call, 1, search.substring(1, search.length() - 1));
                    Matcher matcher = pattern.matcher(text);
                    StringBuilder result = new StringBuilder();
                    int last = 0;
                    while (matcher.find()) {
                        result.append(text, last, matcher.start());
                        expand(replacement, pattern, matcher, result);
                        last = matcher.end();
                    }
                    return Value.string(result.append(text.substring(last)).toString());
                });
    }

    private static Re2Pattern compile(Call call, int index, String pattern)
            throws FunctionException
    {
        try {
            return Re2Pattern.compile(pattern);
        }
        catch (Re2Pattern.InvalidPattern invalid) {
            throw call.error(index, call.sensitive(index)
                    ? "invalid regular expression pattern (details hidden: the pattern is sensitive)"
                    : "invalid regular expression pattern: " + invalid.getMessage());
        }
    }

    /** A string without groups, a list of strings for unnamed groups, an object for named ones. */
    private static Type matchType(Call call, Re2Pattern pattern)
            throws FunctionException
    {
        List<Optional<String>> names = pattern.groupNames();
        if (names.isEmpty()) {
            return Type.STRING;
        }
        long named = names.stream().filter(Optional::isPresent).count();
        if (named == 0) {
            return new Type.ListType(Type.STRING);
        }
        if (named < names.size()) {
            throw call.error(0, "invalid regular expression pattern: cannot use both named and unnamed capture groups in the same pattern");
        }
        SortedMap<String, Type> attributes = new TreeMap<>();
        names.forEach(name -> attributes.put(name.orElseThrow(), Type.STRING));
        return Type.ObjectType.of(attributes);
    }

    private static Value match(Re2Pattern pattern, Matcher matcher)
    {
        List<Optional<String>> names = pattern.groupNames();
        if (names.isEmpty()) {
            return Value.string(matcher.group());
        }
        if (names.getFirst().isEmpty()) {
            List<Value> groups = new ArrayList<>();
            for (int group = 1; group <= names.size(); group++) {
                groups.add(Value.string(orEmpty(matcher.group(group))));
            }
            return Value.list(Type.STRING, groups);
        }
        SortedMap<String, Value> groups = new TreeMap<>();
        for (int group = 1; group <= names.size(); group++) {
            groups.put(names.get(group - 1).orElseThrow(), Value.string(orEmpty(matcher.group(group))));
        }
        return Value.object(groups);
    }

    /** Appends {@code template} with {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} and {@code $$} expanded, as RE2 expands them. */
    private static void expand(String template, Re2Pattern pattern, Matcher matcher, StringBuilder result)
    {
        int position = 0;
        while (position < template.length()) {
            char character = template.charAt(position);
            if (character != '$' || position + 1 >= template.length()) {
                result.append(character);
                position++;
                continue;
            }
            if (template.charAt(position + 1) == '$') {
                result.append('$');
                position += 2;
                continue;
            }
            boolean braced = template.charAt(position + 1) == '{';
            int start = position + (braced ? 2 : 1);
            int end = start;
            while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                end++;
            }
            if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
                result.append('$');
                position++;
                continue;
            }
            result.append(group(template.substring(start, end), pattern, matcher));
            position = braced ? end + 1 : end;
        }
    }

    private static String group(String name, Re2Pattern pattern, Matcher matcher)
    {
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int index = Integer.parseInt(name);
                return index <= matcher.groupCount() ? orEmpty(matcher.group(index)) : "";
            }
            catch (NumberFormatException e) {
                return "";
            }
        }
        int index = pattern.groupNames().indexOf(Optional.of(name));
        return index < 0 ? "" : orEmpty(matcher.group(index + 1));
    }

    private static String orEmpty(String text)
    {
        return text == null ? "" : text;
    }
}
