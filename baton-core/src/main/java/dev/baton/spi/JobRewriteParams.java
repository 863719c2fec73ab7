package dev.baton.spi;

import java.util.Objects;

/**
 * Rewrites, in one transaction, up to {@code limit} waiting, scheduled or retrying jobs stored as
 * ({@code type}, {@code version}): each row is locked (skipping rows another transaction holds), its
 * payload handed to {@code rewriter}, and the row updated to what it returns. A rewriter that returns
 * {@code null} or throws leaves that row as it was. Used to downcast jobs no live worker reads into a
 * version the live fleet does read, for example after a rollback. Only jobs whose oldest stored form is
 * above {@code readUpTo} are rewritten: one stored also in a version a live worker reads is left whole.
 * The new form replaces every stored form.
 */
public record JobRewriteParams(String type, int version, int limit, int readUpTo, Rewriter rewriter) {

    /** Rewrites every job of ({@code type}, {@code version}), whatever older forms it has. */
    public JobRewriteParams(String type, int version, int limit, Rewriter rewriter) {
        this(type, version, limit, 0, rewriter);
    }

    public JobRewriteParams {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rewriter, "rewriter");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The new stored form of one job. */
    public record Rewritten(String type, int version, String queue, String payload) {}

    @FunctionalInterface
    public interface Rewriter {

        /** @return the job's new form, or {@code null} to leave it */
        Rewritten rewrite(long id, String payload);
    }
}
