package dev.baton.spi;

/**
 * How many jobs share one (type, version, queue, state), and the oldest form they are stored in
 * ({@code minVersion}, below {@code version} for jobs written for a mixed fleet).
 */
public record JobCount(String type, int version, String queue, JobState state, long count, int minVersion) {

    /** Jobs stored in one form only. */
    public JobCount(String type, int version, String queue, JobState state, long count) {
        this(type, version, queue, state, count, version);
    }
}
