package dev.baton.cli;

import dev.baton.BatonInspector;
import dev.baton.spi.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How old a node's last heartbeat may be for it to count as live: must match the fleet's nodeTtl. */
final class NodeTtlOption {

    static final String DEFAULT = "30s";

    @Option(names = "--node-ttl", paramLabel = "DURATION", defaultValue = DEFAULT, converter = DurationConverter.class,
            description = "A node is live while its last heartbeat is within this, e.g. 30s, 2m, 1h, 500ms or "
                    + "ISO-8601 PT30S. Use the nodeTtl the application sets (default: ${DEFAULT-VALUE}).")
    Duration nodeTtl;

    BatonInspector inspector(JobStore store) {
        return new BatonInspector(store, Clock.systemUTC(), nodeTtl);
    }

    /** For questions about jobs only (versions, drained): those never look at liveness, so the TTL is moot. */
    static BatonInspector jobInspector(JobStore store) {
        return new BatonInspector(store, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** "30s" or "1m30s" for people, "PT30S" for those who copy a java.time.Duration. */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("((\\d+)(ms|s|m|h|d))+");
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
            if (duration.isZero() || duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' must be a positive duration");
            }
            return duration;
        }

        private static Duration parse(String value) {
            if (SHORT.matcher(value).matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(value);
                while (part.find()) {
                    long n = Long.parseLong(part.group(1));
                    total = total.plus(switch (part.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
                }
                return total;
            }
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a duration: use a number with ms, s, m, h or d (30s, 1m30s) or ISO-8601 (PT30S)");
            }
        }
    }

    /** The short form the option takes: 30s, 1m30s, 2d3h. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long n, String unit) {
        if (n != 0) {
            text.append(n).append(unit);
        }
    }
}
