package dev.kiln.state;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UtcTimesTest
{
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T10:00:00Z", "2026-11-21T10:05:30.250Z", "2026-11-21T10:05:30.000001Z", "2026-11-21T23:59:59.123456789Z",
            "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.5Z", "+12026-11-21T10:00:00Z", "2026-11-21T10:00:00+02:00"})
    @DisplayName("times read as Instant.parse reads them, in the form Instant.toString writes and any other ISO-8601 form")
    void readsAsInstantDoes(String text)
    {
        assertEquals(Instant.parse(text), DocumentReader.utc(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-21T10:00:00Z", "2026-02-30T10:00:00Z", "2026-11-21T25:00:00Z", "2026-11-21T10:0a:00Z", "yesterday"})
    @DisplayName("anything that is not a valid time is refused")
    void refusesInvalid(String text)
    {
        assertThrows(RuntimeException.class, () -> DocumentReader.utc(text));
    }
}
