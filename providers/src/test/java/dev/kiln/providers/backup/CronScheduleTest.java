package dev.kiln.providers.backup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronScheduleTest
{
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 */12 * * *      | *-*-* 00/12:00:00",
            "30 2 * * *        | *-*-* 02:30:00",
            "*/15 * * * *      | *-*-* *:00/15:00",
            "0 3 * * 1-5       | Mon,Tue,Wed,Thu,Fri *-*-* 03:00:00",
            "0 3 * * sun,sat   | Sun,Sat *-*-* 03:00:00",
            "0 3 * * 7         | Sun *-*-* 03:00:00",
            "0 0 1 */3 *       | *-01/3-01 00:00:00",
            "0 0 1,15 jan-mar *| *-01,02,03-01,15 00:00:00",
            "5 8-18/5 * * *    | *-*-* 08,13,18:05:00",
            "@daily            | daily",
            "@hourly           | hourly",
    })
    @DisplayName("Cron schedules become the systemd OnCalendar values that fire at the same times")
    void onCalendar(String cron, String expected)
    {
        assertEquals(expected, new CronSchedule(cron).onCalendar());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 12 * *", "61 * * * *", "0 24 * * *", "0 0 1 * mon", "@often", "x * * * *", "0 5-1 * * *"})
    @DisplayName("Schedules cron and systemd would read differently, or not at all, are refused")
    void refused(String cron)
    {
        assertThrows(IllegalArgumentException.class, () -> new CronSchedule(cron));
    }
}
