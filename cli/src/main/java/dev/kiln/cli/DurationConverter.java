package dev.kiln.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Terraform spells them: {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 500ms}, {@code 0}. */
final class DurationConverter
        implements ITypeConverter<Duration>
{
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value)
    {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(text);
        Duration total = Duration.ZERO;
        int position = 0;
        while (matcher.find() && matcher.start() == position) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            position = matcher.end();
        }
        if (position == 0 || position != text.length()) {
            throw new TypeConversionException("\"" + value + "\" is not a duration; write it like 30s, 2m or 1h30m");
        }
        return total;
    }
}
