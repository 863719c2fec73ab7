package dev.baton.check;

import java.util.ArrayList;
import java.util.List;

/** Rules on types that one side has and the other lacks: removed, renamed without an alias, new. */
final class TypeSetRules {

    private TypeSetRules() {}

    /**
     * @param removed types of the older release that nothing in the build claims
     * @param added types of the build that claim nothing of the older release; with {@code newest},
     *     pairs of identical fields among the two lists are reported as renames
     */
    static List<Finding> check(List<TypeDeclaration> removed, List<TypeDeclaration> added, String oldRelease,
            LiveState live, boolean newest) {
        List<TypeDeclaration> gone = new ArrayList<>(removed);
        List<TypeDeclaration> fresh = new ArrayList<>(added);
        List<Finding> findings = new ArrayList<>();
        if (newest) {
            for (TypeDeclaration old : removed) {
                if (old.retired()) {
                    continue;
                }
                fresh.stream().filter(now -> now.contract().fields().equals(old.contract().fields())).findFirst()
                        .ifPresent(now -> {
                            findings.add(renamed(old, now, oldRelease));
                            gone.remove(old);
                            fresh.remove(now);
                        });
            }
        }
        gone.forEach(old -> findings.add(removed(old, oldRelease, live)));
        if (newest) {
            fresh.forEach(now -> findings.add(newType(now, oldRelease, live)));
        }
        return findings;
    }

    private static Finding renamed(TypeDeclaration old, TypeDeclaration now, String oldRelease) {
        return new Finding("type-renamed-without-alias", Severity.BREAKING, now.type(), old.version(), now.version(),
                Direction.OLD_PAYLOAD_NEW_WORKER, null,
                old.type() + " is gone and " + now.type() + " has the same fields: jobs stored as " + old.type()
                        + " by release " + oldRelease + " would have no worker",
                "add aliases = \"" + old.type() + "\" to @Job(name = \"" + now.type() + "\")", List.of());
    }

    private static Finding removed(TypeDeclaration old, String oldRelease, LiveState live) {
        String type = old.type();
        int below = old.version() + 1;
        if (!old.retired()) {
            return new Finding("type-removed", Severity.BREAKING, type, old.version(), null,
                    Direction.OLD_PAYLOAD_NEW_WORKER, null,
                    type + " is gone but was not retired in release " + oldRelease + ": its jobs still waiting would "
                            + "have no worker, stranded for good",
                    "keep the record annotated @Retired (and register it with BatonBuilder.retire(...)) until `"
                            + Gates.drained(type, below) + "` passes, then delete it",
                    List.of());
        }
        Boolean drained = Gates.answer(live, state -> state.drained(type, below));
        return new Finding("type-removed", Severity.NEEDS_STEPS, type, old.version(), null,
                Direction.OLD_PAYLOAD_NEW_WORKER, null,
                type + " was retired in release " + oldRelease + " and is now gone: jobs of it still stored have no "
                        + "reader unless a node keeps BatonBuilder.retire(\"" + type + "\", queue)",
                "keep BatonBuilder.retire(\"" + type + "\", \"" + old.contract().queue() + "\") until `"
                        + Gates.drained(type, below) + "` passes",
                List.of(new Step("wait until the retired jobs are drained", Gates.drained(type, below), drained),
                        new Step("purge what is left (far-future scheduled jobs)", Gates.purge(type), drained)));
    }

    private static Finding newType(TypeDeclaration now, String oldRelease, LiveState live) {
        String type = now.type();
        Boolean known = Gates.answer(live, state -> !state.knowing(type).isEmpty());
        String who = oldRelease == null ? "no release in the lockfile knows " + type
                : "release " + oldRelease + "'s workers do not know " + type;
        return new Finding("new-type", Severity.NEEDS_STEPS, type, null, now.version(),
                Direction.NEW_PAYLOAD_OLD_WORKER, null,
                who + ": jobs this build enqueues before a worker of it runs wait, stranded (never failed)",
                "deploy workers that handle " + type + " before producers that enqueue it, or enqueue with "
                        + "WritePolicy.REQUIRE_CAPABLE_WORKER",
                List.of(new Step("deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER",
                        Gates.FLEET, known)));
    }
}
