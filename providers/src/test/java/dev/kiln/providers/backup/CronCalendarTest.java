package dev.kiln.providers.backup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CronCalendarTest
{
    @ParameterizedTest(name = "{0} at {1}: {2}")
    @DisplayName("a schedule fires at the minutes cron would fire it")
    @CsvSource(delimiter = '|', value = {
            "* * * * *        | 2026-11-22T01:17 | true",
            "0 */12 * * *     | 2026-11-22T12:00 | true",
            "0 */12 * * *     | 2026-11-22T13:00 | false",
            "@daily           | 2026-11-22T00:00 | true",
            "@daily           | 2026-11-22T00:01 | false",
            "30 2 * * sun     | 2026-11-22T02:30 | true",
            "30 2 * * 7       | 2026-11-22T02:30 | true",
            "30 2 * * 1-5     | 2026-11-22T02:30 | false",
            "0 0 1 jan *      | 2027-01-01T00:00 | true",
            "5-10/5 * * * *   | 2026-11-22T03:10 | true",
            "5-10/5 * * * *   | 2026-11-22T03:07 | false",
            "0,15,45 * * * *  | 2026-11-22T03:45 | true",
    })
    void matches(String expression, String time, boolean expected)
    {
        assertEquals(expected, new CronCalendar(new CronSchedule(expression.strip())).matches(LocalDateTime.parse(time.strip())));
    }

    @Test
    @DisplayName("the firings after one time up to another are the latest ones, at most the limit, oldest first")
    void firings()
    {
        CronCalendar everyFiveMinutes = new CronCalendar(new CronSchedule("*/5 * * * *"));
        assertEquals(List.of(LocalDateTime.parse("2026-11-22T01:05"), LocalDateTime.parse("2026-11-22T01:10")),
                everyFiveMinutes.firings(LocalDateTime.parse("2026-11-22T01:00"), LocalDateTime.parse("2026-11-22T01:12:30"), 5));
        assertEquals(List.of(LocalDateTime.parse("2026-11-22T01:10")),
                everyFiveMinutes.firings(LocalDateTime.parse("2026-11-22T01:00"), LocalDateTime.parse("2026-11-22T01:12:30"), 1));
    }
}
