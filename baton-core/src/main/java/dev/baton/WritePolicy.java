package dev.baton;

/** Which payload version a producer writes when the fleet runs more than one release. */
public enum WritePolicy {

    /**
     * The default: the newest version that every live worker of the type reads, reached with the type's
     * downcasters, on a queue they serve. With no such version, the current one: the job then waits,
     * visibly stranded, until a capable worker joins.
     */
    FLEET_COMPATIBLE,

    /** Always the current version, on the current queue, whatever the fleet runs. */
    CURRENT,

    /**
     * Like {@link #FLEET_COMPATIBLE}, but the enqueue fails with {@link NoCapableWorkerException} when no
     * live worker can read what would be written, instead of leaving the job stranded.
     */
    REQUIRE_CAPABLE_WORKER
}
