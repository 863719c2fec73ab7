package dev.baton.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Pass or fail, with each failed condition spelled out. A plain job may run twice only if a fault caught
 * a run of it in flight, so plain duplicates are bounded by the in-flight count; a transactional job
 * never runs to an effect twice; nothing enqueued is ever lost. A run that did not inject the faults it
 * planned proves nothing and fails too.
 */
record Verdict(List<String> failures) {

    static Verdict of(ChaosResult result, RunPlan plan, List<String> runProblems) {
        List<String> failures = new ArrayList<>(runProblems);
        if (result.lost() != 0) {
            failures.add("lost == 0: " + result.lost() + " enqueued keys have no effect row, for example "
                    + result.lostSample());
        }
        if (result.duplicatesTx() != 0) {
            failures.add("duplicatesTx == 0: " + result.duplicatesTx()
                    + " extra effect rows of transactional jobs (an effect committed by a run that no longer held its job)");
        }
        if (result.duplicatesPlain() > result.inFlightAtFaults()) {
            failures.add("duplicatesPlain <= inFlightAtFaults: " + result.duplicatesPlain() + " > "
                    + result.inFlightAtFaults() + " (plain jobs ran twice without a fault to explain it)");
        }
        if (result.phantoms() != 0) {
            failures.add("phantoms == 0: " + result.phantoms()
                    + " effect rows of keys never enqueued (a rolled-back enqueue whose job ran anyway)");
        }
        if (result.count(FaultKind.KILL) < plan.kills()) {
            failures.add("kills >= " + plan.kills() + ": only " + result.count(FaultKind.KILL) + " workers were killed");
        }
        if (result.count(FaultKind.TERMINATE) < FaultPlan.TERMINATIONS) {
            failures.add("terminations >= " + FaultPlan.TERMINATIONS + ": only " + result.count(FaultKind.TERMINATE));
        }
        if (result.count(FaultKind.PAUSE) < 1) {
            failures.add("pauses >= 1: no worker was paused");
        }
        return new Verdict(List.copyOf(failures));
    }

    boolean passed() {
        return failures.isEmpty();
    }
}
