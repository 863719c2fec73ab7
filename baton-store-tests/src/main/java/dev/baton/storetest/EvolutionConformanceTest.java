package dev.baton.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.baton.Baton;
import dev.baton.BatonBuilder;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import dev.baton.JobContext;
import dev.baton.NoCapableWorkerException;
import dev.baton.RunCount;
import dev.baton.RunOutcome;
import dev.baton.StrandedJobs;
import dev.baton.WritePolicy;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' deploys, each as a rolling deploy under steady traffic: separate Baton nodes stand for
 * release N and N+1 (web nodes enqueue, worker nodes run) on one store, and the test swaps them the way
 * a deploy does. Every case asserts zero failed, zero lost, zero incompatible runs and every job handled
 * exactly once. Every store runs it. {@link RuntimeConformanceBase} opens, migrates and empties the store,
 * sets the clock, and shuts the nodes down after each test.
 */
public abstract class EvolutionConformanceTest extends RuntimeConformanceBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate XMAS = LocalDate.of(2017, 12, 24);

    /** The running nodes by name. */
    private final Map<String, Baton> nodes = new LinkedHashMap<>();
    /** Job id to the runs it had, as "release vN" (N the stored version the worker was handed). */
    private final Map<Long, List<String>> runs = new ConcurrentHashMap<>();
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    /** What each handler received, by job id: the handler-side record that a dropped value would show in. */
    private final Map<Long, Object> seenById = new java.util.concurrent.ConcurrentHashMap<>();

    /** Nodes stop within 10s, where the worker suites allow 5s. */
    @Override
    protected Duration nodeShutdownDeadline() {
        return Duration.ofSeconds(10);
    }

    @BeforeEach
    void reset() {
        runs.clear();
        seen.clear();
        seenById.clear();
        nodes.clear();
    }

    // ---------------------------------------------------------------- the fleet

    private BatonBuilder node(String release) {
        return Baton.builder().store(store).clock(clock).release(release)
                .pollInterval(Duration.ofMillis(20))
                .heartbeatInterval(Duration.ofMillis(50))
                .rescueInterval(Duration.ofMillis(50))
                .fleetRefreshInterval(Duration.ofMillis(10))
                .shutdownTimeout(Duration.ofSeconds(10));
    }

    /** Release N+1's casters: what lets it read N's payloads and write payloads N reads. */
    private BatonBuilder releaseN1(String role) {
        // UserConfirmation declares its casters on the record; SyncProfile's are given here.
        return node("n+1").role(role)
                .upcast(ReleaseN1.SyncProfile.class, 1, v1 -> v1.remove("source"))
                .downcast(ReleaseN1.SyncProfile.class, 2, v2 -> v2.put("source", "crm"));
    }

    private Baton start(String name, BatonBuilder builder) {
        Baton node = started(builder.nodeId(name));
        nodes.put(name, node);
        return node;
    }

    private void stop(String name) {
        Baton node = nodes.remove(name);
        if (node != null) {
            stopNode(node);
        }
    }

    private <T> dev.baton.JobHandler<T> recorded(String release) {
        return (T job, JobContext ctx) -> {
            runs.computeIfAbsent(ctx.id(), id -> new CopyOnWriteArrayList<>()).add(release + " v" + ctx.version());
            seen.add(job);
            seenById.put(ctx.id(), job);
        };
    }

    private Baton webN() {
        return start("web-n", node("n").role("web"));
    }

    private Baton workerN() {
        return start("worker-n", node("n").role("worker")
                .queue("mailers", 4).queue("default", 4).queue("mail", 2)
                .handle(ReleaseN.UserConfirmation.class, recorded("n"))
                .handle(ReleaseN.SyncProfile.class, recorded("n"))
                .handle(ReleaseN.ComputeFoobar.class, recorded("n"))
                .handle(ReleaseN.ConfirmEmail.class, recorded("n"))
                .handle(ReleaseN.CleanupCache.class, recorded("n"))
                .handle(ReleaseN.SendNewsletter.class, recorded("n")));
    }

    private Baton webN1() {
        return start("web-n1", releaseN1("web"));
    }

    private BatonBuilder workerN1Builder(dev.baton.JobHandler<ReleaseN1.SyncProfile> syncProfile) {
        return releaseN1("worker")
                .queue("mailers", 4).queue("default", 4).queue("newsletters", 2)
                .handle(ReleaseN1.UserConfirmation.class, recorded("n+1"))
                .handle(ReleaseN1.SyncProfile.class, syncProfile)
                .handle(ReleaseN1.ComputeFoobar.class, recorded("n+1"))
                .handle(ReleaseN1.EmailConfirmation.class, recorded("n+1"))
                .handle(ReleaseN1.SendNewsletter.class, recorded("n+1"))
                .handle(ReleaseN1.ExportReport.class, recorded("n+1"))
                .retire("cleanup-cache", "default");
    }

    private Baton workerN1() {
        return start("worker-n1", workerN1Builder(recorded("n+1")));
    }

    // ---------------------------------------------------------------- what every case asserts

    /** Every enqueued job completed, each handled exactly once (or drained unrun, for retired types). */
    private void assertEveryJobHandledExactlyOnce(List<SteadyProducer.Sent> sent, boolean retiredAllowed) {
        List<Long> ids = sent.stream().map(s -> s.job().id()).distinct().toList();
        assertThat(ids).hasSize(sent.size());
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> state(id) == JobState.COMPLETED));
        List<Long> unrun = ids.stream().filter(id -> !runs.containsKey(id)).toList();
        if (!retiredAllowed) {
            assertThat(unrun).as("jobs that never ran").isEmpty();
        }
        assertThat(runs.entrySet()).as("jobs run more than once")
                .filteredOn(e -> e.getValue().size() != 1).isEmpty();
        assertNothingFailed();
    }

    private void assertNothingFailed() {
        assertThat(store.jobCount()).as("dead jobs").noneMatch(c -> c.state() == JobState.DEAD);
        List<RunCount> bad = everyNode().stream().flatMap(n -> n.stats().stream())
                .filter(c -> c.outcome() == RunOutcome.DEAD || c.outcome() == RunOutcome.INCOMPATIBLE
                        || c.outcome() == RunOutcome.RETRIED)
                .toList();
        assertThat(bad).as("failed, retried or incompatible runs").isEmpty();
    }

    private JobState state(long id) {
        return store.jobGet(id).map(JobRecord::state).orElse(null);
    }

    private static List<SteadyProducer.Sent> by(List<SteadyProducer.Sent> sent, String release) {
        return sent.stream().filter(s -> s.release().equals(release)).toList();
    }

    /** By the oldest version each job was stored in: what the oldest live reader takes. */
    private static Map<Integer, Long> versions(List<SteadyProducer.Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(s -> s.job().minVersion(), Collectors.counting()));
    }

    // ---------------------------------------------------------------- the seed cases

    /** Seeds 000, 001, 003: add an argument. Web first: N+1 producers meet only N workers. */
    @Test
    void addAnArgumentWebFirst() throws Exception {
        Baton webN = webN();
        workerN();
        try (SteadyProducer producer = new SteadyProducer(webN, i -> new ReleaseN.UserConfirmation(i, "Hello!"))) {
            producer.awaitMore(20);

            producer.switchTo(webN1(), i -> new ReleaseN1.UserConfirmation(i, "Hello!", XMAS));
            stop("web-n");
            producer.awaitMore(20);
            List<SteadyProducer.Sent> beforeWorkers = by(producer.sent(), "n+1");

            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.stop();

            // Seed 001 case 1: while only N workers ran, N+1 wrote what N reads, so nothing waited.
            assertThat(versions(beforeWorkers)).containsOnlyKeys(1);
            assertThat(beforeWorkers).allMatch(s -> s.job().version() == 2, "stored in N+1's own v2 too");
            assertThat(versions(by(producer.sent(), "n+1"))).containsKey(2);
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
            // No value lost to the downcast: an N+1 worker that ran a job N+1 wrote got its date.
            List<Object> readByN1 = by(producer.sent(), "n+1").stream().map(s -> s.job().id())
                    .filter(id -> runs.get(id).get(0).startsWith("n+1 ")).map(seenById::get).toList();
            assertThat(readByN1).isNotEmpty().allMatch(j -> XMAS.equals(((ReleaseN1.UserConfirmation) j).date()));
        }
        assertThat(seen).filteredOn(ReleaseN1.UserConfirmation.class::isInstance)
                .extracting(j -> ((ReleaseN1.UserConfirmation) j).date())
                // v1 payloads upcast with no date, v2 ones carry it; whether an N+1 worker meets a v1
                // payload at all depends on who claims first.
                .isSubsetOf(XMAS, null);
    }

    /**
     * Issue: while an N worker is live, N+1 producers used to write only v1, which drops the date that an
     * N+1 worker then read as null. A producer for a mixed fleet stores its own v2 and the v1 form beside
     * it; each worker takes the newest form it reads, checked on what each handler received.
     */
    @Test
    void aProducerForAMixedFleetStoresEveryFormAndEachWorkerTakesItsOwn() {
        Baton webN1 = webN1();
        workerN();
        await().atMost(WAIT).until(() -> webN1.inspect().fleet().stream()
                .anyMatch(n -> n.live() && n.node().id().equals("worker-n")));

        // Scheduled, so that the test says which worker takes which job.
        Enqueued forN = webN1.enqueue(new ReleaseN1.UserConfirmation(7, "Hello!", XMAS),
                EnqueueOptions.defaults().delay(Duration.ofHours(1)));
        Enqueued forN1 = webN1.enqueue(new ReleaseN1.UserConfirmation(8, "Hello!", XMAS),
                EnqueueOptions.defaults().delay(Duration.ofHours(2)));
        for (Enqueued both : List.of(forN, forN1)) {
            assertThat(both.version()).as("N+1's own version").isEqualTo(2);
            assertThat(both.minVersion()).as("and the form N reads").isEqualTo(1);
        }

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        await().atMost(WAIT).until(() -> state(forN.id()) == JobState.COMPLETED);
        assertThat(seenById.get(forN.id())).as("the N worker read the v1 form")
                .isEqualTo(new ReleaseN.UserConfirmation(7, "Hello!"));

        stop("worker-n");
        workerN1();
        clock.advance(Duration.ofHours(1));
        await().atMost(WAIT).until(() -> state(forN1.id()) == JobState.COMPLETED);
        assertThat(seenById.get(forN1.id())).as("an N+1 worker gets every field its producer wrote")
                .isEqualTo(new ReleaseN1.UserConfirmation(8, "Hello!", XMAS));
        assertNothingFailed();
    }

    /** Seeds 000, 001, 003: add an argument. Workers first: N+1 workers meet N payloads. */
    @Test
    void addAnArgumentWorkersFirst() throws Exception {
        Baton webN = webN();
        workerN();
        try (SteadyProducer producer = new SteadyProducer(webN, i -> new ReleaseN.UserConfirmation(i, "Hello!"))) {
            producer.awaitMore(20);

            workerN1();
            stop("worker-n");
            producer.awaitMore(20);

            producer.switchTo(webN1(), i -> new ReleaseN1.UserConfirmation(i, "Hello!", XMAS));
            stop("web-n");
            producer.awaitMore(20);
            producer.stop();

            // Seed 001 case 2: N payloads reached N+1 workers and were upcast, not failed.
            assertThat(runs.values()).anyMatch(r -> r.contains("n+1 v1"));
            assertThat(versions(by(producer.sent(), "n+1"))).containsOnlyKeys(2);
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
    }

    /** Seed 003: remove an argument, in one release. */
    @Test
    void removeAnArgument() throws Exception {
        Baton webN = webN();
        workerN();
        try (SteadyProducer producer = new SteadyProducer(webN, i -> new ReleaseN.SyncProfile(i, "crm"))) {
            producer.awaitMore(20);

            producer.switchTo(webN1(), ReleaseN1.SyncProfile::new);
            stop("web-n");
            producer.awaitMore(20);
            assertThat(versions(by(producer.sent(), "n+1"))).as("written for the live N workers").containsOnlyKeys(1);
            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.stop();

            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
        // N workers got N+1's jobs with the argument they require, supplied by the downcaster.
        assertThat(seen).filteredOn(ReleaseN.SyncProfile.class::isInstance)
                .extracting(j -> ((ReleaseN.SyncProfile) j).source()).containsOnly("crm");
    }

    /** Seed 002: a field added with a default; old payloads lack it and read as the default. */
    @Test
    void anOldPayloadLacksANewlyAddedField() throws Exception {
        Baton webN = webN();
        workerN();
        LocalDate start = LocalDate.of(2026, 12, 1);
        try (SteadyProducer producer = new SteadyProducer(webN,
                i -> new ReleaseN.ComputeFoobar(i, start, start.plusDays(30)))) {
            producer.awaitMore(20);

            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.switchTo(webN1(), i -> new ReleaseN1.ComputeFoobar(i, start, start.plusDays(30), i % 2 == 0));
            stop("web-n");
            producer.awaitMore(20);
            producer.stop();

            // No version bump was needed: the field is optional, so both directions read.
            assertThat(versions(producer.sent())).containsOnlyKeys(1);
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
        List<ReleaseN1.ComputeFoobar> read = seen.stream().filter(ReleaseN1.ComputeFoobar.class::isInstance)
                .map(ReleaseN1.ComputeFoobar.class::cast).toList();
        assertThat(read).isNotEmpty();
        assertThat(runs.values()).anyMatch(r -> r.contains("n+1 v1"));
    }

    /** Seed 001: rename a job, in one release, with an alias. */
    @Test
    void renameAJob() throws Exception {
        Baton webN = webN();
        workerN();
        try (SteadyProducer producer = new SteadyProducer(webN, ReleaseN.ConfirmEmail::new)) {
            producer.awaitMore(20);

            producer.switchTo(webN1(), ReleaseN1.EmailConfirmation::new);
            stop("web-n");
            producer.awaitMore(20);
            List<SteadyProducer.Sent> beforeWorkers = by(producer.sent(), "n+1");
            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.stop();

            // While only N workers ran, N+1 wrote the old name they know.
            assertThat(beforeWorkers).extracting(s -> s.job().type()).containsOnly("confirm-email");
            assertThat(by(producer.sent(), "n+1")).extracting(s -> s.job().type()).contains("email-confirmation");
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
        assertThat(runs.values()).anyMatch(r -> r.contains("n+1 v1"));
    }

    /** Seeds 001, 003: delete a job: retire it, let it drain, purge what is left. */
    @Test
    void deleteAJob() throws Exception {
        Baton webN = webN();
        workerN();
        List<Enqueued> scheduled = new ArrayList<>();
        try (SteadyProducer producer = new SteadyProducer(webN, i -> new ReleaseN.CleanupCache("key-" + i))) {
            producer.awaitMore(20);
            for (int i = 0; i < 5; i++) {
                scheduled.add(webN.enqueue(new ReleaseN.CleanupCache("tomorrow-" + i),
                        EnqueueOptions.defaults().delay(Duration.ofDays(1))));
            }

            // N+1 no longer enqueues it, so the web switches to another job.
            producer.switchTo(webN1(), i -> new ReleaseN1.UserConfirmation(i, "Hello!", XMAS));
            stop("web-n");
            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.stop();

            assertEveryJobHandledExactlyOnce(producer.sent(), true);
        }
        Baton worker = nodes.get("worker-n1");
        assertThat(worker.inspect().drained("cleanup-cache", Integer.MAX_VALUE)).as("5 scheduled remain").isFalse();

        int purged = worker.purge("cleanup-cache");

        assertThat(purged).isEqualTo(5);
        assertThat(worker.inspect().drained("cleanup-cache", Integer.MAX_VALUE)).isTrue();
        assertThat(store.archiveList("cleanup-cache")).extracting(a -> a.id())
                .containsExactlyInAnyOrderElementsOf(scheduled.stream().map(Enqueued::id).toList());
        assertNothingFailed();
    }

    /**
     * Seeds 001, 003: delete a job, workers first. N+1 workers retire the type while N's web still
     * enqueues it: their no-op reader must leave every job to the N worker while it is live, so that no
     * job a live node could run is completed unrun. Only once no live node has a handler does it drain.
     */
    @Test
    void deleteAJobWorkersFirstSkipsNothingALiveNodeCouldRun() {
        Baton webN = webN();
        workerN();
        workerN1();
        await().atMost(WAIT).until(() -> webN.inspect().fleet().stream().filter(n -> n.live()).count() == 3);

        List<Enqueued> whileHandled = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            whileHandled.add(webN.enqueue(new ReleaseN.CleanupCache("key-" + i)));
        }
        await().atMost(WAIT).until(() -> whileHandled.stream().allMatch(e -> state(e.id()) == JobState.COMPLETED));
        assertThat(whileHandled).as("run by the live N worker's handler, none completed unrun")
                .allMatch(e -> runs.containsKey(e.id()) && runs.get(e.id()).equals(List.of("n v1")));

        stop("worker-n");
        Enqueued afterwards = webN.enqueue(new ReleaseN.CleanupCache("no-handler-left"));
        await().atMost(WAIT).until(() -> state(afterwards.id()) == JobState.COMPLETED);
        assertThat(runs).as("no live node has a handler: the no-op reader drains it").doesNotContainKey(afterwards.id());
        assertThat(nodes.get("worker-n1").stats()).contains(new RunCount("cleanup-cache", 1, RunOutcome.RETIRED, 1));
    }

    /** Seed 003: rename a queue: workers serve the old queue for the type until it is drained. */
    @Test
    void renameAQueue() throws Exception {
        Baton webN = webN();
        workerN();
        try (SteadyProducer producer = new SteadyProducer(webN, i -> new ReleaseN.SendNewsletter(7, i))) {
            producer.awaitMore(20);

            producer.switchTo(webN1(), i -> new ReleaseN1.SendNewsletter(7, i));
            stop("web-n");
            producer.awaitMore(20);
            List<SteadyProducer.Sent> beforeWorkers = by(producer.sent(), "n+1");
            workerN1();
            stop("worker-n");
            producer.awaitMore(20);
            producer.stop();

            assertThat(beforeWorkers).as("N+1 wrote to the queue the live N workers serve")
                    .allMatch(s -> store.jobGet(s.job().id()).orElseThrow().queue().equals("mail"));
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
        Baton worker = nodes.get("worker-n1");
        assertThat(worker.migrateQueue("mail", "newsletters", "send-newsletter")).isZero();
        assertThat(worker.inspect().stranded()).isEmpty();
    }

    /** Seed 003's canary: a new job type enqueued before any worker has it waits, visibly, then runs. */
    @Test
    void aNewJobTypeWaitsForACapableWorker() {
        webN();
        workerN();
        Baton webN1 = webN1();
        Baton strict = start("web-n1-strict", releaseN1("web").writePolicy(WritePolicy.REQUIRE_CAPABLE_WORKER));

        List<Enqueued> exports = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            exports.add(webN1.enqueue(new ReleaseN1.ExportReport(i)));
        }
        assertThatThrownBy(() -> strict.enqueue(new ReleaseN1.ExportReport(99)))
                .isInstanceOf(NoCapableWorkerException.class)
                .hasMessageContaining("export-report").hasMessageContaining("deploy workers");

        List<StrandedJobs> stranded = webN1.inspect().stranded();
        assertThat(stranded).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("export-report");
            assertThat(s.count()).isEqualTo(10);
            assertThat(s.reason()).isEqualTo(StrandedJobs.Reason.NO_WORKER_FOR_TYPE);
        });
        assertThat(exports).allMatch(e -> store.jobGet(e.id()).orElseThrow().attempt() == 0);

        workerN1();

        await().atMost(WAIT).until(() -> exports.stream().allMatch(e -> state(e.id()) == JobState.COMPLETED));
        assertThat(webN1.inspect().stranded()).isEmpty();
        strict.enqueue(new ReleaseN1.ExportReport(100)); // a capable worker is live now
        assertNothingFailed();
    }

    /**
     * Rollback: N+1 ran alone and wrote v2, then the fleet goes back to N. The v2 jobs still waiting are
     * rewritten with N+1's downcaster into v1, so N runs them: none is left stranded.
     */
    @Test
    void rollbackLeavesNothingStranded() throws Exception {
        Baton webN1 = webN1();
        CountDownLatch slow = new CountDownLatch(1);
        start("worker-n1", workerN1Builder((job, ctx) -> {
            slow.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            runs.computeIfAbsent(ctx.id(), id -> new CopyOnWriteArrayList<>()).add("n+1 v" + ctx.version());
        }));
        try (SteadyProducer producer = new SteadyProducer(webN1, ReleaseN1.SyncProfile::new)) {
            producer.awaitMore(40);
            assertThat(versions(producer.sent())).containsOnlyKeys(2);

            // Roll back the workers, then the web, while traffic goes on.
            workerN();
            slow.countDown();
            stop("worker-n1");
            producer.awaitMore(20);
            producer.switchTo(webN(), i -> new ReleaseN.SyncProfile(i, "crm"));
            stop("web-n1");
            producer.awaitMore(20);
            producer.stop();

            assertThat(runs.values()).as("v2 jobs N ran after the rewrite").anyMatch(r -> r.contains("n v1"));
            assertEveryJobHandledExactlyOnce(producer.sent(), false);
        }
        assertThat(nodes.get("worker-n").inspect().stranded()).isEmpty();
        assertThat(store.jobCount()).filteredOn(c -> c.state().isPending()).extracting(JobCount::count).isEmpty();
    }
}
