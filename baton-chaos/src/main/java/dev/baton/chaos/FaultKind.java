package dev.baton.chaos;

/** What the run does to the system, as the fault log names it. */
enum FaultKind {
    /** SIGKILL of a worker JVM, then a replacement. */
    KILL("kill"),
    /** pg_terminate_backend of every connection of the run but the orchestrator's own. */
    TERMINATE("terminate"),
    /** PostgreSQL restarted under everyone. */
    RESTART("restart"),
    /** SIGSTOP of a worker for longer than two heartbeats. */
    PAUSE("pause"),
    /** The paused worker's SIGCONT: logged for the timeline, not a fault of its own. */
    RESUME("resume");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
