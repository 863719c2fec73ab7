package dev.baton.spi;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * @param jobs the jobs, inserted in order; a store sends them in as few round trips as it can
 * @param transaction the caller's open connection to insert in, or {@code null} for the store to use
 *     its own and commit. With a caller's connection the jobs exist if and only if the caller commits,
 *     and the store neither commits nor closes it.
 */
public record JobInsertParams(List<NewJob> jobs, Connection transaction) {

    public JobInsertParams {
        jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
    }
}
