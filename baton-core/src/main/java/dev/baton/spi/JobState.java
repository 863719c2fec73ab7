package dev.baton.spi;

import java.util.Locale;

/**
 * The life of a stored job. {@code WAITING}, {@code SCHEDULED} and {@code RETRYING} are claimable once
 * their run time has come; they differ only in why the job is waiting, which operators want to see.
 */
public enum JobState {
    WAITING,
    SCHEDULED,
    RUNNING,
    RETRYING,
    COMPLETED,
    DEAD;

    /** The form stored in the database and printed by the CLI. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Waiting for a worker: counted by drain queries, claimable when due. */
    public boolean isPending() {
        return this == WAITING || this == SCHEDULED || this == RETRYING;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == DEAD;
    }
}
