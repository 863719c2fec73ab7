package dev.baton.cli.deploy;

import dev.baton.StrandedJobs;
import java.util.List;

/**
 * What one scenario run left in the database, counted from its tables once the final fleet drained.
 *
 * @param scenario the scenario's name
 * @param runMode Baton as it ships, or one of the example's conventional baselines ({@code ConventionalQueue})
 * @param enqueued jobs the web nodes enqueued (rows of {@code example_enqueued})
 * @param completed of those, jobs completed
 * @param failed jobs with at least one failed run, from attempts and states alone: a job whose attempt count is
 *     above the one run that completed it (or is running it) had a run that failed or was lost
 * @param dead jobs that used up their attempts
 * @param stranded pending jobs that no node of the final live fleet takes
 * @param lost enqueued jobs that neither exist in the store nor were ever handled
 * @param duplicates jobs handled more than once, besides those a kill explains
 * @param inFlightAtKills jobs running on a node when it was killed with SIGKILL (0 without kills)
 * @param rerunAfterKills of those, jobs handled twice: the run the kill cut short, and the rerun (at most
 *     {@code inFlightAtKills}, by construction; their lost run is not counted as failed either)
 * @param completedUnrun jobs completed without a handler having run them (no {@code example_handled} row)
 * @param fieldsLost handler runs that received null for a field the producer had set (a value dropped on
 *     the way, by a downcast or a default): compared from the shop's own tables, what was sent and received
 * @param longestWaitMillis the longest time from enqueue to the first run of a job's handler
 * @param unfinished jobs still pending or running once the final fleet drained: the stranded ones, and any
 *     that no live node actually takes (a conventional worker ignores a queue it does not serve)
 * @param drain how the final fleet's drain ended: {@code drained}, {@code only stranded jobs left},
 *     {@code nothing moved for 3 s} or {@code drain timed out}
 * @param drainMillis how long it took
 * @param failures failed jobs per type, with the first error text
 * @param strandedJobs the stranded jobs by type, version and queue, with the reason
 * @param unfinishedJobs the unfinished jobs by type, version, queue and state
 * @param deletedType the jobs of the type release N+1 deletes, and which release's handler ran them
 */
public record ScenarioResult(String scenario, Mode runMode, long enqueued, long completed, long failed, long dead,
        long stranded, long lost, long duplicates, long inFlightAtKills, long rerunAfterKills, long completedUnrun, long fieldsLost, long longestWaitMillis,
        long unfinished, String drain,
        long drainMillis, List<TypeFailures> failures, List<StrandedJobs> strandedJobs, List<Unfinished> unfinishedJobs,
        TypeRuns deletedType) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        strandedJobs = List.copyOf(strandedJobs);
        unfinishedJobs = List.copyOf(unfinishedJobs);
    }

    /** Failed jobs of one type. */
    public record TypeFailures(String type, long failed, long dead, String firstError) {}

    /** Jobs left pending or running, of one type, version, queue and state. */
    public record Unfinished(String type, int version, String queue, String state, long count) {}

    /**
     * Jobs of one type, from the shop's own tables: how many were enqueued, how many each release's
     * handlers ran (each job once, whichever run came first), and how many were completed with no run.
     */
    public record TypeRuns(String type, long enqueued, long runOnN, long runOnN1, long completedUnrun) {}

    /** {@code protected}, {@code strict} or {@code tolerant}. */
    public String mode() {
        return runMode.label();
    }

    /** True for Baton as it ships. */
    public boolean protections() {
        return runMode.protect();
    }

    /**
     * Nothing failed, died, was stranded, left unfinished, lost or run twice: what Baton promises for a
     * rolling deploy.
     */
    public boolean clean() {
        return failed == 0 && dead == 0 && stranded == 0 && unfinished == 0 && lost == 0 && duplicates == 0
                && completedUnrun == 0 && fieldsLost == 0;
    }

    /** What a conventional queue is expected to show in the same deploy: jobs failed, dead, stranded or stuck. */
    public boolean showsFailures() {
        return failed > 0 || dead > 0 || stranded > 0 || unfinished > 0;
    }
}
