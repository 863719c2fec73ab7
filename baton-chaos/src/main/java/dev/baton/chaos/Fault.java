package dev.baton.chaos;

import java.time.Instant;

/**
 * One entry of the fault log.
 *
 * @param seq the order the faults happened in, from 1
 * @param nodeId the worker it hit, or {@code null} for the database faults
 * @param pid the worker's process id, or {@code null}
 * @param at the database's clock right after the fault
 * @param detail what a reader of the log needs, for example the replacement's node id
 */
record Fault(int seq, FaultKind kind, String nodeId, Long pid, Instant at, String detail) {}
