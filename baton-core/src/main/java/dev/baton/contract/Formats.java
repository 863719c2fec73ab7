package dev.baton.contract;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Whether a string is a valid value of a string format, checked with the same java.time parsers Jackson
 * uses. Used for {@code @Default} values only: a bad default is a definition error caught at startup,
 * while a bad stored date is reported by the codec when the job is read.
 */
final class Formats {

    private static final Map<String, Consumer<String>> PARSERS = Map.ofEntries(
            Map.entry("date", LocalDate::parse),
            Map.entry("time", LocalTime::parse),
            Map.entry("date-time", LocalDateTime::parse),
            Map.entry("offset-date-time", OffsetDateTime::parse),
            Map.entry("zoned-date-time", ZonedDateTime::parse),
            Map.entry("instant", Instant::parse),
            Map.entry("duration", Duration::parse),
            Map.entry("period", Period::parse),
            Map.entry("year", Year::parse),
            Map.entry("year-month", YearMonth::parse),
            Map.entry("month-day", MonthDay::parse),
            Map.entry("zone-id", ZoneId::of),
            Map.entry("base64", text -> Base64.getDecoder().decode(text)),
            Map.entry("uuid", Formats::uuid));

    private Formats() {}

    /** @return null when the text is a valid value of the format (or the format has no rules), else why not */
    static String problem(String format, String text) {
        Consumer<String> parser = PARSERS.get(format);
        if (parser == null) {
            return null;
        }
        try {
            parser.accept(text);
            return null;
        } catch (DateTimeException | IllegalArgumentException e) {
            return "is not a valid " + format + " (" + e.getMessage() + ")";
        }
    }

    /** UUID.fromString accepts "1-2-3-4-5"; Jackson wants the 36-character form. */
    private static void uuid(String text) {
        if (text.length() != 36 || !UUID.fromString(text).toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("expected the 36-character form, such as "
                    + "\"123e4567-e89b-12d3-a456-426614174000\"");
        }
    }
}
