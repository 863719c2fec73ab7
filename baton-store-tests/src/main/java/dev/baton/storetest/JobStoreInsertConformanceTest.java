package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import dev.baton.spi.StoreListener;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for what a {@link JobStore} insert keeps and who hears of it: bulk inserts in
 * input order (unique keys mixed in), 2 MB and unicode payloads and instants round-tripping exactly, and
 * the listener waking on committed inserts only, where the store has one. A subclass supplies the store;
 * {@link StoreConformanceBase} opens, migrates and empties it.
 *
 * <p>Time comes from explicit instants around {@link TestJobs#T0}: no clock, no sleeps. Waits (listener
 * tests only) are on conditions, with Awaitility.
 */
public abstract class JobStoreInsertConformanceTest extends StoreConformanceBase {

    // ---- bulk and payloads

    @Test
    void bulkInsertReturnsIdsInInputOrderAndAllAreClaimable() {
        int n = 2_000;
        List<NewJob> jobs = IntStream.range(0, n)
                .mapToObj(i -> job("email").queue("bulk").payload("{\"n\":" + i + "}").build())
                .toList();
        List<InsertedJob> inserted = store.jobInsert(new JobInsertParams(jobs, null));

        assertThat(inserted).hasSize(n).noneMatch(InsertedJob::duplicate);
        List<Long> ids = inserted.stream().map(InsertedJob::id).toList();
        assertThat(new HashSet<>(ids)).hasSize(n);
        Map<Long, String> payloads = store.jobList(JobListParams.all(n + 10)).stream()
                .collect(Collectors.toMap(JobRecord::id, JobRecord::payload));
        assertThat(payloads).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(payloads.get(ids.get(i))).as("payload of job %d", i).isEqualTo("{\"n\":" + i + "}");
        }
        List<Long> claimed = claimIds("bulk", n, T0);
        assertThat(claimed).hasSize(n).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void bulkInsertMixingUniqueKeysKeepsInputOrder() {
        long existing = insertOne(job("email").uniqueKey("taken").build()).id();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            if (i == 3 || i == 700) {
                jobs.add(job("email").uniqueKey("fresh-" + i).payload("{\"n\":" + i + "}").build());
            } else if (i == 900) {
                jobs.add(job("email").uniqueKey("taken").payload("{\"n\":" + i + "}").build());
            } else {
                jobs.add(job("email").payload("{\"n\":" + i + "}").build());
            }
        }
        List<InsertedJob> inserted = store.jobInsert(new JobInsertParams(jobs, null));
        assertThat(inserted).hasSize(jobs.size());
        assertThat(inserted.get(900)).isEqualTo(new InsertedJob(existing, true));
        for (int i = 0; i < jobs.size(); i++) {
            if (i != 900) {
                assertThat(inserted.get(i).duplicate()).isFalse();
                assertThat(get(inserted.get(i).id()).payload()).isEqualTo("{\"n\":" + i + "}");
            }
        }
    }

    @Test
    void twoMegabytePayloadRoundTrips() {
        String payload = "{\"blob\":\"" + "0123456789abcdef".repeat(2 * 1024 * 1024 / 16) + "\"}";
        long id = insertOne(job("email").payload(payload).build()).id();
        assertThat(get(id).payload()).isEqualTo(payload);
        List<ClaimedJob> claimed = claim("default", 1, T0, range("email", 1, 1));
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).payload()).isEqualTo(payload);
    }

    @Test
    void unicodePayloadRoundTripsByteForByte() {
        String payload = "{\"latin\":\"héllo wörld ß\",\"cjk\":\"日本語の文\",\"emoji\":\"🎉👩‍👩‍👧 🇺🇳\","
                + "\"rtl\":\"שלום مرحبا\",\"combining\":\"e\u0301\",\"escaped\":\"\\u0000\\n\\\"\",\"tab\":\"\t\"}";
        long id = insertOne(job("email").payload(payload).uniqueKey("ключ-🔑").release("rélease").build()).id();
        JobRecord r = get(id);
        assertThat(r.payload().getBytes(StandardCharsets.UTF_8)).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(r.uniqueKey()).isEqualTo("ключ-🔑");
        assertThat(r.release()).isEqualTo("rélease");
        assertThat(claim("default", 1, T0, range("email", 1, 1)).get(0).payload().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void instantsRoundTripExactlyToTheMicrosecond() {
        Instant created = Instant.parse("1999-12-31T23:59:59.999999Z");
        Instant runAt = Instant.parse("2030-06-15T12:34:56.000001Z"); // summer time where there is any
        long id = insertOne(job("email").createdAt(created).runAt(runAt).build()).id();
        JobRecord r = get(id);
        assertThat(r.createdAt()).isEqualTo(created);
        assertThat(r.runAt()).isEqualTo(runAt);
        assertThat(claimIds("default", 1, runAt.minusNanos(1000))).isEmpty();
        assertThat(claimIds("default", 1, runAt)).containsExactly(id);
    }

    // ---- listener

    @Test
    void listenerDeliversTheQueueOfACommittedInsert() throws Exception {
        StoreListener listener = listenerOrSkip();
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listener.listen(woken::add);
        try {
            awaitWakeUp(woken, "wake-me");
        } finally {
            subscription.close();
        }
    }

    @Test
    void listenerIsNotWokenByARolledBackInsert() throws Exception {
        StoreListener listener = listenerOrSkip();
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listener.listen(woken::add);
        try (Connection tx = fixture().openConnection()) {
            insertIn(tx, job("email").queue("rolled-back").build());
            tx.rollback();
            // Wake-ups arrive in commit order: once a later commit's has arrived, the rolled-back one never will.
            awaitWakeUp(woken, "committed");
            assertThat(woken).doesNotContain("rolled-back");
        } finally {
            subscription.close();
        }
    }

    /**
     * Wake-ups are hints that may be lost, for instance while the listener is still connecting: insert
     * again on each poll until one arrives.
     */
    private void awaitWakeUp(Set<String> woken, String queue) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (woken.contains(queue)) {
                return true;
            }
            insertOne(job("email").queue(queue).build());
            return false;
        });
    }
}
