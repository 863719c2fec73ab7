package dev.baton.test;

import dev.baton.PayloadException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PayloadCorpus#replay} found.
 *
 * @param read how many payloads read, by stored type name and version, in corpus order
 * @param failures the payloads the current code does not read, in corpus order
 * @param unmatched payloads of types none of the given records answers to; not failures, since they may
 *     belong to another service, but listed so that a misnamed directory does not pass unnoticed
 */
public record ReplayResult(Map<TypeVersion, Integer> read, List<Failure> failures, List<RecordedPayload> unmatched) {

    public ReplayResult {
        read = Collections.unmodifiableMap(new LinkedHashMap<>(read));
        failures = List.copyOf(failures);
        unmatched = List.copyOf(unmatched);
    }

    /** A stored type name and payload version. */
    public record TypeVersion(String type, int version) {

        @Override
        public String toString() {
            return type + " v" + version;
        }
    }

    /**
     * A payload that does not read.
     *
     * @param payload the recorded payload
     * @param message the {@link PayloadException}'s message
     * @param field the field at fault, such as {@code "address.zip"}, or {@code null} when the payload as a
     *     whole is (not JSON, no upcaster from its version, an upcaster that threw)
     * @param exception the exception itself, for its cause (an upcaster's stack trace, for one)
     */
    public record Failure(RecordedPayload payload, String message, String field, PayloadException exception) {}

    /** How many payloads of this stored type name and version read; 0 when none did. */
    public int readCount(String type, int version) {
        return read.getOrDefault(new TypeVersion(type, version), 0);
    }

    /** How many payloads read, all types together. */
    public int readCount() {
        return read.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many payloads were of a type a given record answers to: read or failed. */
    public int matched() {
        return readCount() + failures.size();
    }

    /** True when every matched payload read. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
