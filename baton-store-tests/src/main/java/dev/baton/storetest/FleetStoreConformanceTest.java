package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobMoveQueueParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobRewriteParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for what the version-safety features change in place in a store: rewriting the
 * stored form of waiting jobs, parking a job this node cannot read, and moving pending jobs to another
 * queue. The other fleet suites are {@link FleetStoreArchiveConformanceTest} and
 * {@link FleetStoreRegistryConformanceTest}. A subclass supplies the store; {@link StoreConformanceBase}
 * opens, migrates and empties it.
 */
public abstract class FleetStoreConformanceTest extends StoreConformanceBase {

    // ---- rewrite

    @Test
    void rewriteChangesTheStoredFormOfWaitingJobsOnly() {
        long waiting = insert(job("email").version(2).payload("{\"to\":\"a\",\"date\":\"2017-12-24\"}").build()).get(0);
        long retrying = insert(job("email").version(2).payload("{\"to\":\"b\"}").build()).get(0);
        ClaimedJob failed = start(job("email").version(2).payload("{\"to\":\"b\"}"));
        store.jobRetry(new JobRetryParams(failed.id(), 1, T0, "boom", T0));
        ClaimedJob running = start(job("email").version(2).payload("{\"to\":\"c\"}"));
        long otherVersion = insert(job("email").version(1).payload("{\"to\":\"d\"}").build()).get(0);

        int rewritten = store.jobRewrite(new JobRewriteParams("email", 2, 10, (id, payload) ->
                new JobRewriteParams.Rewritten("email-v1", 1, "mail", payload.replace(",\"date\":\"2017-12-24\"", ""))));

        assertThat(rewritten).isEqualTo(3);
        JobRecord first = get(waiting);
        assertThat(first.type()).isEqualTo("email-v1");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.queue()).isEqualTo("mail");
        assertThat(first.payload()).isEqualTo("{\"to\":\"a\"}");
        assertThat(first.state()).isEqualTo(JobState.WAITING);
        assertThat(get(retrying).version()).isEqualTo(1);
        assertThat(get(failed.id()).version()).isEqualTo(1);
        assertThat(get(failed.id()).state()).isEqualTo(JobState.RETRYING);
        assertThat(get(running.id()).version()).as("running jobs are left alone").isEqualTo(2);
        assertThat(get(otherVersion).type()).isEqualTo("email");
    }

    @Test
    void aJobStoredInSeveralFormsIsClaimedByAReaderOfAnyAndKeptWholeByARewrite() {
        String v2 = "{\"to\":\"a\",\"date\":\"2017-12-24\"}";
        String v1 = "{\"to\":\"a\"}";
        NewJob mixed = new NewJob("email", 2, "forms", v2, JobState.WAITING, 0, 5, T0, T0, null, "n+1", java.util.Map.of(1, v1));
        long forOld = store.jobInsert(new dev.baton.spi.JobInsertParams(List.of(mixed, mixed, mixed), null)).get(0).id();

        assertThat(claim("forms", 5, T0, range("email", 3, 3))).as("no form this reader reads").isEmpty();
        assertThat(store.jobCount()).extracting(c -> tuple(c.version(), c.minVersion())).containsExactly(tuple(2, 1));
        ClaimedJob old = claim("forms", 1, T0, range("email", 1, 1)).get(0);
        assertThat(old.id()).isEqualTo(forOld);
        assertThat(old.versionFor(1)).isEqualTo(1);
        assertThat(old.payloadAt(old.versionFor(1))).isEqualTo(v1);
        ClaimedJob newer = claim("forms", 1, T0, range("email", 1, 3)).get(0);
        assertThat(newer.versionFor(3)).isEqualTo(2);
        assertThat(newer.payloadAt(newer.versionFor(3))).as("the producer's own form, every field").isEqualTo(v2);

        JobRewriteParams.Rewriter toV1 = (id, payload) -> new JobRewriteParams.Rewritten("email", 1, "forms", v1);
        assertThat(store.jobRewrite(new JobRewriteParams("email", 2, 10, 1, toV1)))
                .as("a live reader of v1 reads its stored v1 form: nothing to rewrite").isZero();
        assertThat(store.jobRewrite(new JobRewriteParams("email", 2, 10, 0, toV1))).isEqualTo(1);
        assertThat(store.jobCount()).filteredOn(c -> c.state() == JobState.WAITING)
                .extracting(c -> tuple(c.version(), c.minVersion())).containsExactly(tuple(1, 1));
    }

    @Test
    void rewriteRespectsTheLimitAndLeavesRowsTheRewriterDeclines() {
        List<Long> ids = insert(job("email").version(2).build(), job("email").version(2).build(),
                job("email").version(2).build(), job("email").version(2).build());

        int first = store.jobRewrite(new JobRewriteParams("email", 2, 2, (id, payload) -> id == ids.get(0)
                ? null : new JobRewriteParams.Rewritten("email", 1, "default", payload)));
        int second = store.jobRewrite(new JobRewriteParams("email", 2, 10, (id, payload) -> {
            if (id == ids.get(2)) {
                throw new IllegalStateException("a downcaster bug");
            }
            return new JobRewriteParams.Rewritten("email", 1, "default", payload);
        }));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(ids).extracting(id -> get(id).version()).containsExactly(1, 1, 2, 1);
    }

    // ---- park

    @Test
    void parkHandsTheJobBackWithoutCountingTheRun() {
        ClaimedJob running = start(job("email").maxAttempts(1));
        Instant later = T0.plusSeconds(60);

        assertThat(store.jobPark(new JobParkParams(running.id(), 1, later, "needs email v1..3, reads v1..2")))
                .isTrue();

        JobRecord parked = get(running.id());
        assertThat(parked.state()).isEqualTo(JobState.WAITING);
        assertThat(parked.attempt()).isZero();
        assertThat(parked.runAt()).isEqualTo(later);
        assertThat(parked.lastError()).isEqualTo("needs email v1..3, reads v1..2");
        assertThat(parked.leaseOwner()).isNull();
        assertThat(parked.leaseExpiresAt()).isNull();

        assertThat(claimIds(running.queue(), 10, later.minusNanos(1000))).isEmpty();
        // maxAttempts 1: had the parked run counted, a second run would be its last or none at all.
        List<ClaimedJob> again = claim(running.queue(), 10, later, range("email", 1, 1));
        assertThat(again).extracting(ClaimedJob::id, ClaimedJob::attempt).containsExactly(
                tuple(running.id(), 1));
    }

    @Test
    void parkIsFencedLikeAnOutcome() {
        ClaimedJob running = start(job("email"));
        assertThat(store.jobPark(new JobParkParams(running.id(), 2, T0, "stale attempt"))).isFalse();
        assertThat(store.jobPark(new JobParkParams(running.id() + 1_000, 1, T0, "no such job"))).isFalse();
        assertThat(get(running.id()).state()).isEqualTo(JobState.RUNNING);

        assertThat(store.jobPark(new JobParkParams(running.id(), 1, T0, "parked"))).isTrue();
        assertThat(store.jobPark(new JobParkParams(running.id(), 1, T0, "parked twice"))).isFalse();
        assertThat(get(running.id()).lastError()).isEqualTo("parked");

        long waiting = insertOne(job("email").build()).id();
        assertThat(store.jobPark(new JobParkParams(waiting, 0, T0, "never ran"))).isFalse();
        assertThat(get(waiting).lastError()).isNull();
    }

    // ---- move queue

    @Test
    void moveQueueMovesOnlyPendingJobs() {
        long running = insertOne(job("email").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0)).containsExactly(running);
        long completed = insertOne(job("email").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0)).containsExactly(completed);
        assertThat(store.jobComplete(new JobCompleteParams(completed, 1, T0.plusSeconds(1), false))).isTrue();
        long waiting = insertOne(job("email").queue("old").build()).id();
        long scheduled = insertOne(job("invoice").queue("old").scheduledAt(T0.plusSeconds(60)).build()).id();
        long retrying = insertOne(job("report").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0, range("report", 1, 1))).containsExactly(retrying);
        assertThat(store.jobRetry(new JobRetryParams(retrying, 1, T0.plusSeconds(5), "boom", T0))).isTrue();
        long elsewhere = insertOne(job("email").queue("other").build()).id();

        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "new", null))).isEqualTo(3);

        assertThat(List.of(waiting, scheduled, retrying)).allSatisfy(id -> assertThat(get(id).queue()).isEqualTo("new"));
        assertThat(get(retrying).state()).isEqualTo(JobState.RETRYING);
        assertThat(get(running).queue()).isEqualTo("old");
        assertThat(get(completed).queue()).isEqualTo("old");
        assertThat(get(elsewhere).queue()).isEqualTo("other");
        assertThat(claimIds("new", 10, T0.plusSeconds(60))).containsExactlyInAnyOrder(waiting, scheduled, retrying);
        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "new", null))).isZero();
    }

    @Test
    void moveQueueCanBeLimitedToOneType() {
        List<Long> emails = insert(job("email").queue("old").build(), job("email").queue("old").build());
        long invoice = insertOne(job("invoice").queue("old").build()).id();

        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "mailers", "email"))).isEqualTo(2);

        assertThat(emails).allSatisfy(id -> assertThat(get(id).queue()).isEqualTo("mailers"));
        assertThat(get(invoice).queue()).isEqualTo("old");
        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "mailers", "no-such-type"))).isZero();
    }

    @Test
    void moveQueueWakesTheTargetQueuesListener() throws Exception {
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listenerOrSkip().listen(woken::add);
        try {
            // A wake-up may be lost while the listener connects: move again on each poll until one arrives.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (woken.contains("moved-to")) {
                    return true;
                }
                insertOne(job("email").queue("moved-from").build());
                assertThat(store.jobMoveQueue(new JobMoveQueueParams("moved-from", "moved-to", null))).isEqualTo(1);
                return false;
            });
        } finally {
            subscription.close();
        }
    }
}
