package dev.kiln.lang.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression in the RE2 syntax Terraform uses, compiled to a {@link Pattern}.
 * Named groups ({@code (?P<name>…)} or {@code (?<name>…)}) are renamed for Java, which
 * forbids some RE2 names; features RE2 lacks (look-around, back-references, atomic groups,
 * possessive quantifiers) are rejected as RE2 rejects them.
 */
final class Re2Pattern
{
    private static final Map<String, String> CHARACTER_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\s"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"),
            Map.entry("xdigit", "\\p{XDigit}"));

    /** A flag group turning on multi-line mode, in which {@code $} matches at line ends as in Java. */
    private static final Pattern MULTILINE_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*m[a-zA-Z]*[:)]");

    private final Pattern pattern;
    private final List<Optional<String>> groupNames;

    private Re2Pattern(Pattern pattern, List<Optional<String>> groupNames)
    {
        this.pattern = pattern;
        this.groupNames = Collections.unmodifiableList(new ArrayList<>(groupNames));
    }

    static final class InvalidPattern
            extends Exception
    {
        InvalidPattern(String message)
        {
            super(message);
        }
    }

    static Re2Pattern compile(String source)
            throws InvalidPattern
    {
        List<Optional<String>> names = new ArrayList<>();
        String translated = translate(source, names, !MULTILINE_FLAG.matcher(source).find());
        try {
            return new Re2Pattern(Pattern.compile(translated, Pattern.UNIX_LINES), names);
        }
        catch (PatternSyntaxException e) {
            throw new InvalidPattern(e.getDescription());
        }
    }

    Matcher matcher(String text)
    {
        return pattern.matcher(text);
    }

    /** The capture groups in order: a name for named groups, empty for unnamed ones. */
    List<Optional<String>> groupNames()
    {
        return groupNames;
    }

    /** Java's name for the {@code index}th (1-based) group, when it is named. */
    static String javaGroupName(int index)
    {
        return "kilnGroup" + index;
    }

    private static String translate(String source, List<Optional<String>> names, boolean endOfTextDollar)
            throws InvalidPattern
    {
        StringBuilder result = new StringBuilder();
        int position = 0;
        while (position < source.length()) {
            char character = source.charAt(position);
            if (character == '\\') {
                position = escape(source, position, result);
            }
            else if (character == '[') {
                position = characterClass(source, position, result);
            }
            else if (character == '(') {
                position = group(source, position, result, names);
            }
            else if (character == '$' && endOfTextDollar) {
                result.append("\\z");
                position++;
            }
            else if ((character == '+' || character == '*' || character == '?' || character == '}') && position + 1 < source.length() && source.charAt(position + 1) == '+') {
                throw new InvalidPattern("invalid nested repetition operator: `" + character + "+`");
            }
            else {
                result.append(character);
                position++;
            }
        }
        return result.toString();
    }

    private static int escape(String source, int position, StringBuilder result)
            throws InvalidPattern
    {
        if (position + 1 >= source.length()) {
            throw new InvalidPattern("trailing backslash at end of expression");
        }
        char escaped = source.charAt(position + 1);
        if ((escaped >= '1' && escaped <= '9') || escaped == 'k' || escaped == 'Z' || escaped == 'R' || escaped == 'X' || escaped == 'G') {
            throw new InvalidPattern("invalid escape sequence: `\\" + escaped + "`");
        }
        if ((escaped == 'p' || escaped == 'P') && position + 2 < source.length() && source.charAt(position + 2) == '{') {
            int end = source.indexOf('}', position + 3);
            if (end < 0) {
                throw new InvalidPattern("invalid character class range: `" + source.substring(position) + "`");
            }
            String name = source.substring(position + 3, end);
            boolean negated = name.startsWith("^");
            result.append('\\').append(negated == (escaped == 'p') ? 'P' : 'p').append("{Is").append(negated ? name.substring(1) : name).append('}');
            return end + 1;
        }
        if (escaped == 'Q') {
            int end = source.indexOf("\\E", position + 2);
            int stop = end < 0 ? source.length() : end + 2;
            result.append(source, position, stop);
            return stop;
        }
        result.append(source, position, position + 2);
        return position + 2;
    }

    private static int characterClass(String source, int position, StringBuilder result)
            throws InvalidPattern
    {
        result.append('[');
        int index = position + 1;
        if (index < source.length() && source.charAt(index) == '^') {
            result.append('^');
            index++;
        }
        if (index < source.length() && source.charAt(index) == ']') {
            result.append("\\]");
            index++;
        }
        while (index < source.length() && source.charAt(index) != ']') {
            char character = source.charAt(index);
            if (character == '\\' && index + 1 < source.length()) {
                result.append(source, index, index + 2);
                index += 2;
            }
            else if (character == '[' && source.startsWith("[:", index)) {
                int end = source.indexOf(":]", index + 2);
                if (end < 0) {
                    throw new InvalidPattern("missing closing ]: `" + source.substring(position) + "`");
                }
                result.append(posixClass(source.substring(index + 2, end)));
                index = end + 2;
            }
            else {
                if (character == '[' || character == '&') {
                    result.append('\\');
                }
                result.append(character);
                index++;
            }
        }
        if (index >= source.length()) {
            throw new InvalidPattern("missing closing ]: `" + source.substring(position) + "`");
        }
        result.append(']');
        return index + 1;
    }

    private static String posixClass(String name)
            throws InvalidPattern
    {
        boolean negated = name.startsWith("^");
        String translated = CHARACTER_CLASSES.get(negated ? name.substring(1) : name);
        if (translated == null) {
            throw new InvalidPattern("invalid character class range: `[:" + name + ":]`");
        }
        if (!negated) {
            return translated;
        }
        return translated.startsWith("\\p") ? "\\P" + translated.substring(2) : translated.toUpperCase(Locale.ROOT);
    }

    private static int group(String source, int position, StringBuilder result, List<Optional<String>> names)
            throws InvalidPattern
    {
        String rest = source.substring(position);
        String name = null;
        int headerLength = 0;
        if (rest.startsWith("(?P<") || (rest.startsWith("(?<") && !rest.startsWith("(?<=") && !rest.startsWith("(?<!"))) {
            int start = rest.indexOf('<') + 1;
            int end = rest.indexOf('>', start);
            if (end < 0) {
                throw new InvalidPattern("invalid named capture: `" + rest + "`");
            }
            name = rest.substring(start, end);
            if (name.isEmpty() || !name.chars().allMatch(character -> Character.isLetterOrDigit(character) || character == '_')) {
                throw new InvalidPattern("invalid named capture: `" + rest.substring(0, end + 1) + "`");
            }
            if (names.contains(Optional.of(name))) {
                throw new InvalidPattern("duplicate capture group name: `" + name + "`");
            }
            headerLength = end + 1;
        }
        else if (rest.startsWith("(?=") || rest.startsWith("(?!") || rest.startsWith("(?<") || rest.startsWith("(?>")) {
            throw new InvalidPattern("invalid or unsupported Perl syntax: `" + rest.substring(0, 3) + "`");
        }
        else if (rest.startsWith("(?")) {
            result.append('(');
            return position + 1;
        }
        else {
            headerLength = 1;
        }
        names.add(Optional.ofNullable(name));
        result.append(name == null ? "(" : "(?<" + javaGroupName(names.size()) + ">");
        return position + headerLength;
    }
}
