package dev.kiln.providers.capi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How long the capi driver waits for Cluster API, and how often it looks: the environment
 * variables {@code KILN_CAPI_TIMEOUT} (create, scale and each upgrade hop; default 30m),
 * {@code KILN_CAPI_DELETE_TIMEOUT} (default 20m) and {@code KILN_CAPI_POLL_INTERVAL}
 * (default 5s; watches wake the wait sooner) and {@code KILN_CAPI_WATCH} ({@code false} waits by
 * polling alone), or the system properties {@code kiln.capi.timeout},
 * {@code kiln.capi.delete-timeout}, {@code kiln.capi.poll-interval} and {@code kiln.capi.watch}. Durations are written
 * like "90s", "30m", "1h" or "500ms".
 */
record CapiTimeouts(Duration apply, Duration delete, Duration pollInterval, boolean watch)
{
    static final CapiTimeouts DEFAULTS = new CapiTimeouts(Duration.ofMinutes(30), Duration.ofMinutes(20), Duration.ofSeconds(5), true);

    static CapiTimeouts from(Map<String, String> environment, Properties properties)
    {
        String watch = properties.getProperty("kiln.capi.watch", environment.getOrDefault("KILN_CAPI_WATCH", "true"));
        return new CapiTimeouts(
                duration(environment, properties, "KILN_CAPI_TIMEOUT", "kiln.capi.timeout").orElse(DEFAULTS.apply),
                duration(environment, properties, "KILN_CAPI_DELETE_TIMEOUT", "kiln.capi.delete-timeout").orElse(DEFAULTS.delete),
                duration(environment, properties, "KILN_CAPI_POLL_INTERVAL", "kiln.capi.poll-interval").orElse(DEFAULTS.pollInterval),
                !watch.strip().equalsIgnoreCase("false"));
    }

    private static Optional<Duration> duration(Map<String, String> environment, Properties properties, String variable, String property)
    {
        String text = properties.getProperty(property, environment.get(variable));
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(text.strip(), variable));
    }

    static Duration parse(String text, String name)
    {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " must be a duration such as \"90s\", \"30m\" or \"1h\", not \"" + text + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
