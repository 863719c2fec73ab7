package dev.baton.check;

/** Which meeting of releases a finding is about (seed 001's two cases, plus going back). */
public enum Direction {
    /** A payload written by an older release reaches a worker of this build. */
    OLD_PAYLOAD_NEW_WORKER,
    /** A payload written by this build reaches a worker of an older release. */
    NEW_PAYLOAD_OLD_WORKER,
    /** The fleet goes back to the older release while this build's payloads wait. */
    ROLLBACK,
    /** No direction breaks. */
    NONE;

    /** For reports: {@code old payload -> new worker}. */
    public String describe() {
        return switch (this) {
            case OLD_PAYLOAD_NEW_WORKER -> "old payload -> new worker";
            case NEW_PAYLOAD_OLD_WORKER -> "new payload -> old worker";
            case ROLLBACK -> "rollback";
            case NONE -> "none";
        };
    }
}
