package dev.baton.check;

import java.util.List;

/** Rules on a type that the build retires: its handler leaves while older producers may still enqueue it. */
final class RetirementRules {

    private RetirementRules() {}

    /** Only against the newest release: its producers are the ones still enqueuing during the deploy. */
    static List<Finding> check(Pair pair, boolean newest) {
        if (!newest || pair.old().retired() || !pair.now().retired()) {
            return List.of();
        }
        return List.of(retired(pair));
    }

    /**
     * Reported as OLD_PAYLOAD_NEW_WORKER: what goes wrong is a job written by N's producers reaching this build's
     * workers, whose no-op reader completes it without running it once N's workers (the last real handlers) leave.
     */
    private static Finding retired(Pair pair) {
        String type = pair.type();
        int below = pair.now().version() + 1;
        String drained = Gates.drained(type, below);
        Boolean safe = Gates.answer(pair.live(), live -> live.liveNodes().stream()
                        .anyMatch(node -> node.release().equals(pair.buildRelease())
                                && node.types().stream().anyMatch(t -> t.knows(type) && !t.retired()))
                || live.otherReleasesKnowing(type, pair.buildRelease()).isEmpty());
        return new Finding("type-retired", Severity.NEEDS_STEPS, type, pair.old().version(), pair.now().version(),
                Direction.OLD_PAYLOAD_NEW_WORKER, null,
                type + " is @Retired in this build but handled in " + pair.release() + ": once no live node has a "
                        + "real handler for it, a retired type's no-op reader completes its jobs without running them, "
                        + "and " + pair.release() + "'s producers still enqueue it during the deploy",
                "deploy producers (web nodes) first, so " + pair.release() + " stops enqueuing " + type
                        + " before its workers leave; or keep a handler for the @Retired record on this build's "
                        + "workers (BatonBuilder.handle(...)): it runs the jobs until `" + drained
                        + "` passes, and this build's producers stop enqueuing it",
                List.of(new Step("deploy producers before workers, or keep a handler for " + type
                        + " on this build's workers", Gates.FLEET, safe)));
    }
}
