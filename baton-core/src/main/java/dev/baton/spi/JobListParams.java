package dev.baton.spi;

/**
 * Lists jobs by id descending (newest first). Each filter is optional: {@code null} matches all.
 *
 * @param beforeId only jobs with a smaller id, for paging; {@code null} to start at the newest
 */
public record JobListParams(String type, String queue, JobState state, Long beforeId, int limit) {

    public JobListParams {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    public static JobListParams all(int limit) {
        return new JobListParams(null, null, null, null, limit);
    }
}
