package dev.baton.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules on a type's version chain: whether this build still reads what an older release wrote (its
 * upcasters reach far enough down), and whether it can write what that release reads (its downcasters).
 */
final class VersionRules {

    private VersionRules() {}

    static List<Finding> check(Pair pair) {
        int oldVersion = pair.old().version();
        int newVersion = pair.now().version();
        List<Finding> findings = new ArrayList<>();
        if (newVersion < oldVersion) {
            findings.add(versionLowered(pair));
            return findings;
        }
        if (newVersion > oldVersion && pair.now().readsFrom() > oldVersion) {
            // Covers the older versions release N read too: nothing below readsFrom is read.
            findings.add(raisedWithoutUpcaster(pair));
        } else if (pair.old().readsFrom() < pair.now().readsFrom()) {
            findings.add(upcasterRemoved(pair));
        }
        if (newVersion > oldVersion && pair.now().writesDownTo() > oldVersion) {
            findings.add(downcasterMissing(pair));
            findings.add(rollbackUnsafe(pair));
        }
        if (newVersion > oldVersion && pair.now().readsFrom() <= oldVersion && pair.now().writesDownTo() <= oldVersion) {
            findings.add(raised(pair));
        }
        return findings;
    }

    private static Finding versionLowered(Pair pair) {
        int old = pair.old().version();
        return new Finding("version-lowered", Severity.BREAKING, pair.type(), old, pair.now().version(),
                Direction.OLD_PAYLOAD_NEW_WORKER, null,
                pair.type() + " goes from v" + old + " down to v" + pair.now().version() + ": v" + old + " jobs of "
                        + pair.release() + " would have no worker, and v" + pair.now().version()
                        + " already names an older shape",
                "versions only go up: set @Job(version = " + (old + 1) + ") and, to undo v" + old + "'s change, "
                        + "add @Upcast(from = " + old + ") converting v" + old + " payloads into the shape you want",
                List.of());
    }

    /**
     * The evolution guide's one-release change: both chains reach N's version. Nothing to do, but the change is
     * listed with the casters that make it safe, so a reviewer sees it.
     */
    private static Finding raised(Pair pair) {
        int old = pair.old().version();
        int newVersion = pair.now().version();
        String fields = Changes.fields(pair.old().contract().fields(), pair.now().contract().fields());
        return new Finding("version-raised", Severity.SAFE, pair.type(), old, newVersion, Direction.NONE, null,
                (fields.isEmpty() ? "" : "v" + newVersion + " " + fields + "; ") + "raised with "
                        + casters("Upcast", old, newVersion - 1) + " (" + pair.release() + "'s v" + old
                        + " payloads are upcast for this build's workers) and "
                        + casters("Downcast", newVersion, old + 1) + " (while workers of " + pair.release()
                        + " are live, this build's producers store the v" + old + " form they read beside their own v"
                        + newVersion + ", so no field is lost to the downcast)",
                null, List.of());
    }

    /** {@code @Upcast(from = 1)}, or {@code @Upcast(from = 1) through @Upcast(from = 3)}. */
    private static String casters(String annotation, int first, int last) {
        String one = "@" + annotation + "(from = " + first + ")";
        return first == last ? one : one + " through @" + annotation + "(from = " + last + ")";
    }

    private static Finding raisedWithoutUpcaster(Pair pair) {
        int old = pair.old().version();
        int readsFrom = pair.now().readsFrom();
        String type = pair.type();
        String fix = "add a static method annotated @Upcast(from = " + old + ") to the " + type + " record, turning a v"
                + old + " payload into v" + (old + 1)
                + (readsFrom - 1 > old ? ", and one for each version up to " + (readsFrom - 1) : "");
        boolean drained = pair.live() != null && pair.live().drained(type, readsFrom)
                && pair.live().liveNodes().stream().noneMatch(n -> n.release().equals(pair.oldRelease()));
        if (drained) {
            return new Finding("version-raised-without-upcaster", Severity.SAFE, type, old, pair.now().version(),
                    Direction.NONE, null,
                    "drained: no " + type + " job below v" + readsFrom + " is waiting or running and no node of "
                            + pair.release() + " is live, so nothing needs a reader of v" + old,
                    null, List.of());
        }
        return new Finding("version-raised-without-upcaster", Severity.BREAKING, type, old, pair.now().version(),
                Direction.OLD_PAYLOAD_NEW_WORKER, null,
                "this build reads " + type + " from v" + readsFrom + " only: v" + old + " jobs written by "
                        + pair.release() + " and still waiting could not be read",
                fix, List.of());
    }

    private static Finding upcasterRemoved(Pair pair) {
        int oldReadsFrom = pair.old().readsFrom();
        int readsFrom = pair.now().readsFrom();
        String type = pair.type();
        Boolean drained = Gates.answer(pair.live(), live -> live.drained(type, readsFrom));
        Step wait = new Step("wait until no " + type + " job below v" + readsFrom + " is waiting or running",
                Gates.drained(type, readsFrom), drained);
        boolean remaining = Boolean.FALSE.equals(drained);
        return new Finding("upcaster-removed", remaining ? Severity.BREAKING : Severity.NEEDS_STEPS, type, oldReadsFrom,
                pair.now().version(), Direction.OLD_PAYLOAD_NEW_WORKER, null,
                pair.release() + " reads " + type + " from v" + oldReadsFrom + ", this build only from v" + readsFrom
                        + ": jobs below v" + readsFrom + " still waiting would not be read"
                        + (remaining ? ", and the live store still has some" : ""),
                "keep @Upcast(from = " + oldReadsFrom + ")" + (readsFrom - 1 > oldReadsFrom ? " through @Upcast(from = "
                        + (readsFrom - 1) + ")" : "") + " until `" + Gates.drained(type, readsFrom) + "` passes",
                List.of(wait));
    }

    private static Finding downcasterMissing(Pair pair) {
        int old = pair.old().version();
        int newVersion = pair.now().version();
        String type = pair.type();
        Boolean noOldReader = Gates.answer(pair.live(),
                live -> live.knowing(type).stream().noneMatch(t -> t.maxVersion() < newVersion));
        return new Finding("downcaster-missing", Severity.NEEDS_STEPS, type, newVersion, old,
                Direction.NEW_PAYLOAD_OLD_WORKER, null,
                "this build cannot write " + type + " below v" + pair.now().writesDownTo() + ", so while only workers of "
                        + pair.release() + " (up to v" + old + ") are live its jobs wait, stranded but not failed, "
                        + "until workers of this build run",
                downcastFix(pair), List.of(new Step(Gates.DEPLOY_WORKERS_FIRST, Gates.FLEET, noOldReader)));
    }

    private static Finding rollbackUnsafe(Pair pair) {
        int old = pair.old().version();
        int newVersion = pair.now().version();
        String type = pair.type();
        Boolean none = Gates.answer(pair.live(), live -> live.unfinished(type, v -> v > old) == 0);
        boolean waiting = Boolean.FALSE.equals(none);
        return new Finding("rollback-unsafe", waiting ? Severity.BREAKING : Severity.NEEDS_STEPS, type, newVersion, old,
                Direction.ROLLBACK, null,
                "rolling back to " + pair.release() + " would strand " + type + " jobs above v" + old
                        + ": nothing downcasts them, so they wait until this build runs again"
                        + (waiting ? ", and the live store already has some" : ""),
                downcastFix(pair),
                List.of(new Step("before rolling back to " + pair.release() + ", keep a node of this build running "
                        + "until no " + type + " job above v" + old + " waits", Gates.versions(type), none)));
    }

    private static String downcastFix(Pair pair) {
        int newVersion = pair.now().version();
        int old = pair.old().version();
        return "add a static method annotated @Downcast(from = " + newVersion + ") to the " + pair.type()
                + " record, turning a v" + newVersion + " payload into v" + (newVersion - 1)
                + (newVersion - 1 > old ? ", and one for each version down to " + (old + 1) : "");
    }
}
