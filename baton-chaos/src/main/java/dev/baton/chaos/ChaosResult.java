package dev.baton.chaos;

import java.util.List;

/**
 * The run's numbers, every one read from the chaos_* tables.
 *
 * @param jobs keys in chaos_enqueued: jobs whose enqueue committed
 * @param lost keys in chaos_enqueued without an effect row
 * @param lostSample a few of them, for the report
 * @param duplicatesPlain effect rows minus distinct keys, for plain jobs
 * @param duplicatesTx the same for transactional jobs: must be 0
 * @param phantoms effect rows of keys never enqueued: a rolled-back enqueue whose job ran anyway
 * @param reruns keys that started more than once
 * @param mostDuplicated the keys with the most effect rows, described for a reader
 */
record ChaosResult(long jobs, long lost, List<String> lostSample, long duplicatesPlain, long duplicatesTx, long phantoms,
        long reruns, List<FaultResult> faults, List<String> mostDuplicated) {

    long inFlightAtFaults() {
        return faults.stream().mapToLong(FaultResult::inFlight).sum();
    }

    Percentiles killToRerun() {
        return Percentiles.of(faults.stream().filter(f -> f.fault().kind() == FaultKind.KILL)
                .flatMap(f -> f.rerunMillis().stream()).toList());
    }

    long count(FaultKind kind) {
        return faults.stream().filter(f -> f.fault().kind() == kind).count();
    }
}
