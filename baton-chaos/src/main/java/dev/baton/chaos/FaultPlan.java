package dev.baton.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each fault happens within the producing window. Kills are spread evenly over it; the database
 * faults and the pause sit apart from each other, so that each one's effect can be told from the others'.
 */
final class FaultPlan {

    static final int TERMINATIONS = 3;
    /** Longer than two of Baton's default 10s heartbeats, so that the paused node's leases may lapse. */
    static final Duration PAUSE = Duration.ofSeconds(25);
    static final Duration MIN_WINDOW = Duration.ofSeconds(40);

    private FaultPlan() {}

    /**
     * @param window how long the producer runs; every fault, the pause's end included, falls inside it
     * @param kills how many workers are killed
     */
    static List<PlannedFault> of(Duration window, int kills) {
        if (window.compareTo(MIN_WINDOW) < 0) {
            throw new IllegalArgumentException("the producing window must be at least " + MIN_WINDOW.toSeconds()
                    + "s to hold the " + PAUSE.toSeconds() + "s pause; it is " + window.toSeconds() + "s");
        }
        if (kills < 1) {
            throw new IllegalArgumentException("kills must be at least 1; it is " + kills);
        }
        List<PlannedFault> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            double at = kills == 1 ? 0.5 : 0.04 + 0.92 * i / (kills - 1);
            plan.add(new PlannedFault(fraction(window, at), FaultKind.KILL));
        }
        plan.add(new PlannedFault(fraction(window, 0.2), FaultKind.TERMINATE));
        plan.add(new PlannedFault(fraction(window, 0.45), FaultKind.TERMINATE));
        plan.add(new PlannedFault(fraction(window, 0.7), FaultKind.TERMINATE));
        plan.add(new PlannedFault(fraction(window, 0.58), FaultKind.RESTART));
        Duration pause = fraction(window, 0.25);
        plan.add(new PlannedFault(pause, FaultKind.PAUSE));
        plan.add(new PlannedFault(pause.plus(PAUSE), FaultKind.RESUME));
        plan.sort(Comparator.comparing(PlannedFault::offset));
        return List.copyOf(plan);
    }

    private static Duration fraction(Duration window, double fraction) {
        return Duration.ofMillis(Math.round(window.toMillis() * fraction));
    }
}
