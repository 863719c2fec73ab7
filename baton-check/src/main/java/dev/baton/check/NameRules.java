package dev.baton.check;

import java.util.ArrayList;
import java.util.List;

/** Rules on where a type's jobs are stored: the names it answers to and its queue. */
final class NameRules {

    private NameRules() {}

    static List<Finding> check(Pair pair, boolean newest) {
        List<Finding> findings = new ArrayList<>();
        if (newest && !pair.old().type().equals(pair.type())) {
            findings.add(renamed(pair));
        }
        for (String alias : pair.old().contract().aliases()) {
            if (!pair.now().answersTo(alias)) {
                findings.add(aliasRemoved(pair, alias));
            }
        }
        String from = pair.old().contract().queue();
        String to = pair.now().contract().queue();
        // Only against the newest release: a queue moved twice is one move from where jobs now wait.
        if (newest && !from.equals(to)) {
            findings.add(new Finding("queue-changed", Severity.SAFE, pair.type(), pair.old().version(),
                    pair.now().version(), Direction.NONE, null,
                    pair.type() + " moves from queue " + from + " to " + to + ": this build's workers also claim it on "
                            + from + ", so nothing waiting there is stranded",
                    null,
                    List.of(new Step("optional: move waiting jobs", Gates.migrateQueue(from, to, pair.type()), null))));
        }
        return findings;
    }

    /** The rename done right: the new name keeps the old one as an alias. */
    private static Finding renamed(Pair pair) {
        String old = pair.old().type();
        return new Finding("type-renamed", Severity.SAFE, pair.type(), pair.old().version(), pair.now().version(),
                Direction.NONE, null,
                old + " is renamed to " + pair.type() + ", which keeps aliases = \"" + old + "\": this build's "
                        + "workers also claim jobs stored as " + old + ", and while workers of " + pair.release()
                        + " are live its producers still store the old name",
                null, List.of());
    }

    private static Finding aliasRemoved(Pair pair, String alias) {
        int below = pair.old().version() + 1;
        String gate = Gates.drained(alias, below);
        Boolean drained = Gates.answer(pair.live(), live -> live.drained(alias, below));
        boolean remaining = Boolean.FALSE.equals(drained);
        return new Finding("alias-removed", remaining ? Severity.BREAKING : Severity.NEEDS_STEPS, pair.type(),
                pair.old().version(), pair.now().version(), Direction.OLD_PAYLOAD_NEW_WORKER, null,
                "this build no longer claims jobs stored under the former name " + alias + ", which " + pair.release()
                        + " still claims" + (remaining ? ", and the live store still has some" : ""),
                "keep aliases = \"" + alias + "\" on @Job(name = \"" + pair.type() + "\") until `" + gate + "` passes",
                List.of(new Step("wait until no job stored as " + alias + " is waiting or running", gate, drained)));
    }
}
