package dev.kiln.providers.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A backup schedule as written in a {@code backup} block: a Unix cron expression (minute hour
 * day-of-month month day-of-week) or a nickname ({@code @hourly} … {@code @yearly}), and its
 * systemd {@code OnCalendar} form for the timers Kiln installs on kubeadm control planes.
 */
public record CronSchedule(String expression)
{
    private static final Map<String, String> NICKNAMES = Map.of(
            "@hourly", "hourly", "@daily", "daily", "@midnight", "daily", "@weekly", "weekly",
            "@monthly", "monthly", "@yearly", "yearly", "@annually", "yearly");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final List<String> SYSTEMD_DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");

    private record Field(String name, int minimum, int maximum, List<String> names) {}

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 7, DAYS));

    /** Checks {@code expression}; an {@link IllegalArgumentException} says what is wrong with it. */
    public CronSchedule
    {
        requireNonNull(expression, "expression is null");
        expression = expression.strip();
        onCalendar(expression);
    }

    /** The systemd {@code OnCalendar} value that fires when the cron expression does. */
    public String onCalendar()
    {
        return onCalendar(expression);
    }

    private static String onCalendar(String expression)
    {
        if (expression.startsWith("@")) {
            String nickname = NICKNAMES.get(expression.toLowerCase(Locale.ROOT));
            if (nickname == null) {
                throw new IllegalArgumentException("unknown schedule nickname \"" + expression + "\"; the nicknames are " + String.join(", ", new TreeSet<>(NICKNAMES.keySet())));
            }
            return nickname;
        }
        String[] parts = expression.split("\\s+");
        if (parts.length != FIELDS.size()) {
            throw new IllegalArgumentException("a schedule has 5 fields (minute hour day-of-month month day-of-week), \"" + expression + "\" has " + parts.length);
        }
        List<String> fields = new ArrayList<>();
        for (int index = 0; index < parts.length; index++) {
            fields.add(field(FIELDS.get(index), parts[index].toLowerCase(Locale.ROOT)));
        }
        if (!fields.get(2).equals("*") && !fields.get(4).equals("*")) {
            throw new IllegalArgumentException("a schedule that restricts both the day of month and the day of week runs when either matches in cron "
                    + "but when both match in systemd; restrict only one of them");
        }
        String days = fields.get(4).equals("*") ? "" : fields.get(4) + " ";
        return days + "*-" + fields.get(3) + "-" + fields.get(2) + " " + fields.get(1) + ":" + fields.get(0) + ":00";
    }

    /** One field in systemd's form: {@code *}, {@code START/STEP}, or a list of values (names for days). */
    private static String field(Field field, String text)
    {
        if (text.equals("*")) {
            return "*";
        }
        if (text.startsWith("*/")) {
            int step = number(field, text.substring(2));
            return (field.name().equals("day of week") ? "*" : twoDigits(field.minimum())) + "/" + step;
        }
        TreeSet<Integer> values = new TreeSet<>();
        for (String item : text.split(",")) {
            String[] stepped = item.split("/", 2);
            int step = stepped.length == 2 ? number(field, stepped[1]) : 1;
            String[] range = stepped[0].split("-", 2);
            int first = stepped[0].equals("*") ? field.minimum() : value(field, range[0]);
            int last = stepped[0].equals("*") ? field.maximum() : range.length == 2 ? value(field, range[1]) : stepped.length == 2 ? field.maximum() : first;
            if (last < first || step < 1) {
                throw new IllegalArgumentException("the " + field.name() + " field \"" + text + "\" has an empty range");
            }
            for (int value = first; value <= last; value += step) {
                values.add(field.name().equals("day of week") ? value % 7 : value);
            }
        }
        if (field.name().equals("day of week")) {
            return values.stream().map(SYSTEMD_DAYS::get).collect(Collectors.joining(","));
        }
        return values.stream().map(CronSchedule::twoDigits).collect(Collectors.joining(","));
    }

    private static int value(Field field, String text)
    {
        int named = field.names().indexOf(text);
        if (named >= 0) {
            return named + (field.name().equals("month") ? 1 : 0);
        }
        int value = number(field, text);
        if (value < field.minimum() || value > field.maximum()) {
            throw new IllegalArgumentException("the " + field.name() + " " + value + " is outside " + field.minimum() + "-" + field.maximum());
        }
        return value;
    }

    private static int number(Field field, String text)
    {
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + field.name() + " field has \"" + text + "\", which is not a number" + (field.names().isEmpty() ? "" : " or a name"));
        }
    }

    private static String twoDigits(int value)
    {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
