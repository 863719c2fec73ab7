package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Job;
import dev.baton.Upcast;
import dev.baton.check.Fixtures.AddedWithBothCasters;
import dev.baton.check.Fixtures.DowncasterMissing;
import dev.baton.check.Fixtures.FieldRenamed;
import dev.baton.check.Fixtures.FieldWidened;
import dev.baton.check.Fixtures.NewType;
import dev.baton.check.Fixtures.RequiredFieldAdded;
import dev.baton.check.Fixtures.TypeRemoved;
import dev.baton.check.Fixtures.TypeRenamed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {

    @Test
    void anUnchangedBuildHasNoFinding() {
        Report report = RuleTest.check(List.of(RequiredFieldAdded.Old.class, NewType.New.class),
                List.of(RequiredFieldAdded.Old.class, NewType.New.class), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void aVersionRaisedWithBothCastersIsOneSafeRelease() {
        Report report = RuleTest.check(List.of(AddedWithBothCasters.Old.class), List.of(AddedWithBothCasters.New.class),
                null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void anEmptyLockfileMakesEveryTypeNew() {
        ContractSet build = ContractSet.of(RuleTest.BUILD, List.of(RequiredFieldAdded.New.class, NewType.New.class));

        Report report = Checker.check(build, Lockfile.empty(), null);

        assertThat(report.findings()).extracting(Finding::rule, Finding::type)
                .containsExactly(tuple("new-type", "compute-foobar"),
                        tuple("new-type", "send-newsletter"));
        assertThat(report.findings().get(0).explanation()).startsWith("no release in the lockfile knows compute-foobar");
    }

    @Test
    void aRenamedFieldIsOneFindingNotAnAddAndARemove() {
        Report report = RuleTest.check(List.of(FieldRenamed.Old.class), List.of(FieldRenamed.New.class), null);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("field-renamed");
        assertThat(report.findings().get(0).explanation()).contains("msg", "message", "old payload -> new worker",
                "new payload -> old worker");
    }

    @Test
    void aRenamedTypeIsOneFindingNotARemoveAndANew() {
        Report report = RuleTest.check(List.of(TypeRenamed.Old.class), List.of(TypeRenamed.New.class), null);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("type-renamed-without-alias");
        assertThat(report.findings().get(0).fix()).isEqualTo("add aliases = \"confirm-email\" to "
                + "@Job(name = \"email-confirmation\")");
    }

    @Test
    void aRenameWithItsAliasIsSafe() {
        Report report = RuleTest.check(List.of(TypeRenamed.Old.class), List.of(Renamed.class), null);

        assertThat(report.findings()).isEmpty();
    }

    @Job(name = "email-confirmation", aliases = "confirm-email")
    record Renamed(long userId, String address) {}

    @Test
    void aWideningAsksForOldWorkersToBeGone() {
        LiveState oldWorkerLive = Live.of(List.of(Live.worker(RuleTest.N, Live.reads("recount", 1, 1))), List.of());

        Finding finding = RuleTest.check(List.of(FieldWidened.Old.class), List.of(FieldWidened.New.class),
                oldWorkerLive).findings().get(0);

        assertThat(finding.explanation()).contains("widening", "integer (int32)", "integer (int64)");
        assertThat(finding.plan()).containsExactly(new Step("deploy workers before producers", "baton fleet", false));
    }

    @Test
    void aMissingDowncasterWaitsForWorkersOfTheBuild() {
        LiveState mixed = Live.of(List.of(Live.worker(RuleTest.BUILD, Live.reads("user-confirmation", 1, 2))), List.of());

        Report report = RuleTest.check(List.of(DowncasterMissing.Old.class), List.of(DowncasterMissing.New.class), mixed);

        Finding finding = report.findings().stream().filter(f -> f.rule().equals("downcaster-missing")).findFirst()
                .orElseThrow();
        assertThat(finding.fix()).contains("@Downcast(from = 2)");
        assertThat(finding.plan()).extracting(Step::satisfied).containsExactly(true);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void anOlderReleasesPayloadsInFlightAreCheckedToo() {
        // K wrote v1; N reads v1 through an upcaster; the build reads from v2 only.
        ContractSet k = ContractSet.of("2026.11.1", List.of(V1.class));
        ContractSet n = ContractSet.of(RuleTest.N, List.of(V2WithUpcaster.class));
        ContractSet build = ContractSet.of(RuleTest.BUILD, List.of(V2.class));

        Report report = Checker.check(build, new Lockfile(List.of(n, k)), null);

        // Against N: the build reads less than N did. Against K: K's own v1 payloads may still be waiting.
        assertThat(report.findings()).extracting(Finding::rule, Finding::fromVersion)
                .containsExactly(tuple("version-raised-without-upcaster", 1), tuple("upcaster-removed", 1));
        assertThat(report.findings().get(0).explanation()).contains("release 2026.11.1");
        assertThat(report.findings().get(1).explanation()).contains("release " + RuleTest.N);
    }

    @Test
    void anOlderReleasesTypeDeletedSinceIsStillReported() {
        ContractSet k = ContractSet.of("2026.11.1", List.of(TypeRemoved.Old.class, V1.class));
        ContractSet n = ContractSet.of(RuleTest.N, List.of(V1.class));
        ContractSet build = ContractSet.of(RuleTest.BUILD, List.of(V1.class));

        Report report = Checker.check(build, new Lockfile(List.of(n, k)), null);

        assertThat(report.findings()).extracting(Finding::rule, Finding::type)
                .containsExactly(tuple("type-removed", "cleanup-cache"));
        assertThat(report.findings().get(0).explanation()).contains("release 2026.11.1");
    }

    @Test
    void anOlderReleaseAtALowerVersionNeedsAnUpcasterFromItsVersion() {
        ContractSet k = ContractSet.of("2026.11.1", List.of(V1.class));
        ContractSet n = ContractSet.of(RuleTest.N, List.of(V2.class));
        ContractSet build = ContractSet.of(RuleTest.BUILD, List.of(V2.class));

        Report report = Checker.check(build, new Lockfile(List.of(n, k)), null);

        assertThat(report.findings()).extracting(Finding::rule, Finding::fromVersion, Finding::direction)
                .containsExactly(tuple("version-raised-without-upcaster", 1,
                        Direction.OLD_PAYLOAD_NEW_WORKER));
    }

    @Test
    void findingsAreOrderedWorstFirst() {
        Report report = RuleTest.check(List.of(TypeRemoved.Old.class, RequiredFieldAdded.Old.class),
                List.of(RequiredFieldAdded.New.class, NewType.New.class, Fixtures.OptionalFieldRemoved.New.class), null);

        assertThat(report.findings()).extracting(Finding::severity).isSortedAccordingTo(
                (a, b) -> Integer.compare(b.ordinal(), a.ordinal()));
    }

    @Job(name = "archive-order")
    record V1(long orderId) {}

    @Job(name = "archive-order", version = 2)
    record V2WithUpcaster(long orderId, LocalDate archivedOn) {
        @Upcast(from = 1)
        static void addDate(ObjectNode v1) {
            v1.putNull("archivedOn");
        }
    }

    @Job(name = "archive-order", version = 2)
    record V2(long orderId, LocalDate archivedOn) {}
}
