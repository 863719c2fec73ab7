package dev.baton.chaos;

import java.util.List;

/**
 * What one fault caught in flight, read from the record tables.
 *
 * @param inFlight keys whose current run had started and not yet written its effect when the fault hit
 * @param rerunMillis for a kill: per key in flight, the time from the kill to the key's next start on
 *     another process; keys that never started again are missing from it
 */
record FaultResult(Fault fault, int inFlight, List<Long> rerunMillis) {}
