package dev.kiln.providers.backup;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a {@link CronSchedule} fires, minute by minute (UTC), as cron reads it: the simulator
 * runs its clusters' scheduled backups at these times. Names of months and days and both
 * 0 and 7 for Sunday are accepted; restricting both day fields was refused by the schedule.
 */
final class CronCalendar
{
    private static final Map<String, String> NICKNAMES = Map.of(
            "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;

    CronCalendar(CronSchedule schedule)
    {
        String expression = schedule.expression();
        String[] parts = NICKNAMES.getOrDefault(expression.toLowerCase(Locale.ROOT), expression).split("\\s+");
        this.minutes = field(parts[0], 0, 59, List.of(), 0);
        this.hours = field(parts[1], 0, 23, List.of(), 0);
        this.daysOfMonth = field(parts[2], 1, 31, List.of(), 1);
        this.months = field(parts[3], 1, 12, MONTHS, 1);
        this.daysOfWeek = field(parts[4], 0, 7, DAYS, 0);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
    }

    boolean matches(LocalDateTime time)
    {
        return minutes.get(time.getMinute()) && hours.get(time.getHour()) && daysOfMonth.get(time.getDayOfMonth())
                && months.get(time.getMonthValue()) && daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
    }

    /** The times it fires after {@code after} up to and including {@code until}, newest last, at most the latest {@code limit}. */
    List<LocalDateTime> firings(LocalDateTime after, LocalDateTime until, int limit)
    {
        List<LocalDateTime> found = new ArrayList<>();
        for (LocalDateTime time = until.truncatedTo(ChronoUnit.MINUTES); time.isAfter(after) && found.size() < limit; time = time.minusMinutes(1)) {
            if (matches(time)) {
                found.addFirst(time);
            }
        }
        return found;
    }

    private static BitSet field(String text, int minimum, int maximum, List<String> names, int firstName)
    {
        BitSet values = new BitSet();
        for (String item : text.toLowerCase(Locale.ROOT).split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = Integer.parseInt(item.substring(slash + 1));
            }
            int low;
            int high;
            if (range.equals("*")) {
                low = minimum;
                high = maximum;
            }
            else if (range.contains("-")) {
                low = value(range.substring(0, range.indexOf('-')), names, firstName);
                high = value(range.substring(range.indexOf('-') + 1), names, firstName);
            }
            else {
                low = value(range, names, firstName);
                high = slash >= 0 ? maximum : low;
            }
            for (int value = low; value <= high; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String text, List<String> names, int firstName)
    {
        int named = names.indexOf(text);
        return named >= 0 ? named + firstName : Integer.parseInt(text);
    }
}
