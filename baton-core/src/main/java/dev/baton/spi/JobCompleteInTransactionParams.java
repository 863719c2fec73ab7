package dev.baton.spi;

import java.sql.Connection;
import java.util.Objects;

/**
 * Runs {@code work} in a new store transaction and, in the same transaction, records {@code completion}
 * (fenced by attempt like {@link JobStore#jobComplete}). Commits only when the work returned and the run
 * still held the job; otherwise rolls back, so the work's writes and the completion exist together or
 * not at all.
 */
public record JobCompleteInTransactionParams(JobCompleteParams completion, Work work) {

    public JobCompleteInTransactionParams {
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(work, "work");
    }

    /** The handler's part of the transaction. It must not commit, roll back or close the connection. */
    @FunctionalInterface
    public interface Work {
        void run(Connection transaction) throws Exception;
    }

    /**
     * What happened: {@code COMPLETED} committed; {@code NOT_HELD} rolled back because another run holds
     * the job now; {@code WORK_FAILED} rolled back because the work threw {@code failure}.
     */
    public record Result(Status status, Throwable failure) {

        public enum Status { COMPLETED, NOT_HELD, WORK_FAILED }

        public static Result completed() {
            return new Result(Status.COMPLETED, null);
        }

        public static Result notHeld() {
            return new Result(Status.NOT_HELD, null);
        }

        public static Result workFailed(Throwable failure) {
            return new Result(Status.WORK_FAILED, Objects.requireNonNull(failure, "failure"));
        }
    }
}
