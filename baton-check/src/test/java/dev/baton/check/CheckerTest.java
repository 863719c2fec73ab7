package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Downcast;
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
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isZero();
    }

    @Test
    void aVersionRaisedWithBothCastersIsOneSafeReleaseNamedWithItsCasters() {
        Report report = RuleTest.check(List.of(AddedWithBothCasters.Old.class), List.of(AddedWithBothCasters.New.class),
                null);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("version-raised");
            assertThat(f.severity()).isEqualTo(Severity.SAFE);
            assertThat(f.fromVersion()).isEqualTo(1);
            assertThat(f.toVersion()).isEqualTo(2);
            assertThat(f.explanation()).isEqualTo("v2 adds date; raised with @Upcast(from = 1) (release 2026.11.2's "
                    + "v1 payloads are upcast for this build's workers) and @Downcast(from = 2) (while workers of "
                    + "release 2026.11.2 are live, this build's producers store the v1 form they read beside their "
                    + "own v2, so no field is lost to the downcast)");
        });
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isZero();
    }

    @Test
    void aVersionRaisedByTwoNamesEveryCaster() {
        Report report = RuleTest.check(List.of(V1.class), List.of(V3.class), null);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("version-raised");
        assertThat(report.findings().get(0).explanation()).contains("@Upcast(from = 1) through @Upcast(from = 2)",
                "@Downcast(from = 3) through @Downcast(from = 2)");
    }

    @Test
    void aChangeNoRuleReportsIsStillListedAndNamed() {
        Report defaults = RuleTest.check(List.of(Fixtures.DefaultChanged.Old.class),
                List.of(Fixtures.DefaultChanged.New.class), null);
        Report alias = RuleTest.check(List.of(Fixtures.AliasAdded.Old.class), List.of(Fixtures.AliasAdded.New.class),
                null);

        assertThat(defaults.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("type-changed");
            assertThat(f.explanation()).isEqualTo("v1 changes the default of computePast from false to true");
        });
        assertThat(alias.findings()).singleElement().extracting(Finding::explanation)
                .isEqualTo("also claims jobs stored as confirm-address (aliases = \"confirm-address\")");
    }

    @Test
    void aChangeAnotherRuleReportsGetsNoSecondFinding() {
        Report report = RuleTest.check(List.of(Fixtures.QueueChanged.Old.class), List.of(Fixtures.QueueChanged.New.class),
                null);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("queue-changed");
    }

    @Test
    void aTypeRetiredInThisBuildNeedsProducersFirstOrAHandlerKept() {
        Report report = RuleTest.check(List.of(Fixtures.TypeRetired.Old.class), List.of(Fixtures.TypeRetired.New.class),
                null);

        Finding finding = report.findings().get(0);
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("type-retired");
        assertThat(finding.explanation()).contains("no-op reader completes its jobs without running them",
                "release 2026.11.2's producers still enqueue it");
        assertThat(finding.fix()).contains("deploy producers (web nodes) first", "BatonBuilder.handle(...)",
                "baton drained cleanup-cache --below 2");
        assertThat(finding.plan()).containsExactly(new Step("deploy producers before workers, or keep a handler for "
                + "cleanup-cache on this build's workers", "baton fleet", null));
        assertThat(finding.warns(FailOn.BREAKING)).as("a warning without live state").isTrue();
    }

    @Test
    void aRetirementIsOnlyReportedAgainstTheReleaseThatStillHandledIt() {
        ContractSet k = ContractSet.of("2026.11.1", List.of(Fixtures.TypeRetired.Old.class));
        ContractSet n = ContractSet.of(RuleTest.N, List.of(Fixtures.TypeRetired.New.class));
        ContractSet build = ContractSet.of(RuleTest.BUILD, List.of(Fixtures.TypeRetired.New.class));

        assertThat(Checker.check(build, new Lockfile(List.of(n, k)), null).findings()).isEmpty();
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
    void aRenameWithItsAliasIsSafeAndListed() {
        Report report = RuleTest.check(List.of(TypeRenamed.Old.class), List.of(Fixtures.RenamedWithAlias.New.class),
                null);

        assertThat(report.findings()).extracting(Finding::rule, Finding::type, Finding::severity)
                .containsExactly(tuple("type-renamed", "email-confirmation", Severity.SAFE));
        assertThat(report.findings().get(0).explanation()).startsWith("confirm-email is renamed to email-confirmation, "
                + "which keeps aliases = \"confirm-email\"");
    }

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
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isZero();
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

    @Job(name = "archive-order", version = 3)
    record V3(long orderId, LocalDate archivedOn, String archivedBy) {
        @Upcast(from = 1)
        static void addDate(ObjectNode v1) {
            v1.putNull("archivedOn");
        }

        @Upcast(from = 2)
        static void addBy(ObjectNode v2) {
            v2.put("archivedBy", "system");
        }

        @Downcast(from = 3)
        static void dropBy(ObjectNode v3) {
            v3.remove("archivedBy");
        }

        @Downcast(from = 2)
        static void dropDate(ObjectNode v2) {
            v2.remove("archivedOn");
        }
    }
}
