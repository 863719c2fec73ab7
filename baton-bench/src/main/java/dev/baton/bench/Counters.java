package dev.baton.bench;

/** What the database can count about the work done in it; {@code null} where it cannot. */
interface Counters {

    /** Committed plus rolled back transactions of the database so far. */
    Long transactions();

    /** CPU time the database server's processes have used so far. */
    Long databaseCpuNanos();

    /**
     * Waits until the bench's own sessions have ended, so that the counters include all they did (PostgreSQL
     * publishes a session's statistics when it ends, or up to a second after it goes idle).
     */
    void settle();
}
