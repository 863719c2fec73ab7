package dev.baton.check;

import static dev.baton.check.Direction.NEW_PAYLOAD_OLD_WORKER;
import static dev.baton.check.Direction.NONE;
import static dev.baton.check.Direction.OLD_PAYLOAD_NEW_WORKER;
import static dev.baton.check.Direction.ROLLBACK;
import static dev.baton.check.Severity.BREAKING;
import static dev.baton.check.Severity.NEEDS_STEPS;
import static dev.baton.check.Severity.SAFE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.check.Fixtures.AddedWithBothCasters;
import dev.baton.check.Fixtures.AliasAdded;
import dev.baton.check.Fixtures.AliasRemoved;
import dev.baton.check.Fixtures.BecameOptional;
import dev.baton.check.Fixtures.BecameRequired;
import dev.baton.check.Fixtures.DefaultChanged;
import dev.baton.check.Fixtures.DowncasterMissing;
import dev.baton.check.Fixtures.FieldRenamed;
import dev.baton.check.Fixtures.FieldTypeChanged;
import dev.baton.check.Fixtures.FieldWidened;
import dev.baton.check.Fixtures.NewType;
import dev.baton.check.Fixtures.OptionalFieldAdded;
import dev.baton.check.Fixtures.OptionalFieldRemoved;
import dev.baton.check.Fixtures.QueueChanged;
import dev.baton.check.Fixtures.RaisedWithoutUpcaster;
import dev.baton.check.Fixtures.RenamedWithAlias;
import dev.baton.check.Fixtures.RequiredFieldAdded;
import dev.baton.check.Fixtures.RequiredFieldRemoved;
import dev.baton.check.Fixtures.RetiredTypeRemoved;
import dev.baton.check.Fixtures.TypeRemoved;
import dev.baton.check.Fixtures.TypeRenamed;
import dev.baton.check.Fixtures.TypeRetired;
import dev.baton.check.Fixtures.Unretired;
import dev.baton.check.Fixtures.UpcasterRemoved;
import dev.baton.check.Fixtures.VersionLowered;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule, one row each: release N's records, the build's records, an optional live state, and what
 * must be found. Rows with live state show how the store's answers move a finding (and the exit code).
 */
class RuleTest {

    static final String N = "2026.11.2";
    static final String BUILD = "2026.11.3";

    /**
     * @param field the field the finding and its fix must name, or null
     * @param exitCode the report's exit code (all findings, not only this one) with the default
     *     {@code --fail-on breaking}
     * @param strictExitCode the same with {@code --fail-on needs-steps}
     */
    record Case(String name, List<Class<?>> old, List<Class<?>> now, LiveState live, String rule, Severity severity,
            Direction direction, String field, int exitCode, int strictExitCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("required field added", List.of(RequiredFieldAdded.Old.class),
                        List.of(RequiredFieldAdded.New.class), null,
                        "required-field-added", BREAKING, OLD_PAYLOAD_NEW_WORKER, "computePast", 1, 1),
                new Case("optional field added", List.of(OptionalFieldAdded.Old.class),
                        List.of(OptionalFieldAdded.New.class), null,
                        "optional-field-added", SAFE, NONE, "computePast", 0, 0),
                new Case("required field removed", List.of(RequiredFieldRemoved.Old.class),
                        List.of(RequiredFieldRemoved.New.class), null,
                        "field-removed", BREAKING, NEW_PAYLOAD_OLD_WORKER, "source", 1, 1),
                new Case("optional field removed", List.of(OptionalFieldRemoved.Old.class),
                        List.of(OptionalFieldRemoved.New.class), null,
                        "field-removed", SAFE, NONE, "source", 0, 0),
                new Case("field renamed", List.of(FieldRenamed.Old.class), List.of(FieldRenamed.New.class), null,
                        "field-renamed", BREAKING, OLD_PAYLOAD_NEW_WORKER, "message", 1, 1),
                new Case("field widened", List.of(FieldWidened.Old.class), List.of(FieldWidened.New.class), null,
                        "field-type-changed", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, "count", 0, 1),
                new Case("field widened, only this build's workers live", List.of(FieldWidened.Old.class),
                        List.of(FieldWidened.New.class), Live.of(List.of(Live.worker(BUILD, Live.reads("recount", 1, 1))),
                                List.of()),
                        "field-type-changed", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, "count", 0, 0),
                new Case("field type changed", List.of(FieldTypeChanged.Old.class), List.of(FieldTypeChanged.New.class),
                        null, "field-type-changed", BREAKING, OLD_PAYLOAD_NEW_WORKER, "date", 1, 1),
                new Case("required to optional", List.of(BecameOptional.Old.class), List.of(BecameOptional.New.class),
                        null, "optionality-changed", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, "nickname", 0, 1),
                new Case("required to optional, N workers live", List.of(BecameOptional.Old.class),
                        List.of(BecameOptional.New.class),
                        Live.of(List.of(Live.worker(N, Live.reads("user-profile", 1, 1))), List.of()),
                        "optionality-changed", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, "nickname", 1, 1),
                new Case("optional to required", List.of(BecameRequired.Old.class), List.of(BecameRequired.New.class),
                        null, "optionality-changed", BREAKING, OLD_PAYLOAD_NEW_WORKER, "nickname", 1, 1),
                new Case("version raised without upcaster", List.of(RaisedWithoutUpcaster.Old.class),
                        List.of(RaisedWithoutUpcaster.New.class), null,
                        "version-raised-without-upcaster", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("version raised without upcaster, v1 drained", List.of(RaisedWithoutUpcaster.Old.class),
                        List.of(RaisedWithoutUpcaster.New.class),
                        Live.of(List.of(), List.of(Live.completed("user-confirmation", 1, 40))),
                        "version-raised-without-upcaster", SAFE, NONE, null, 0, 0),
                new Case("version raised without upcaster, v1 waiting", List.of(RaisedWithoutUpcaster.Old.class),
                        List.of(RaisedWithoutUpcaster.New.class),
                        Live.of(List.of(), List.of(Live.waiting("user-confirmation", 1, 3))),
                        "version-raised-without-upcaster", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("upcaster removed", List.of(UpcasterRemoved.Old.class), List.of(UpcasterRemoved.New.class),
                        null, "upcaster-removed", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 1),
                new Case("upcaster removed, v1 drained", List.of(UpcasterRemoved.Old.class),
                        List.of(UpcasterRemoved.New.class), Live.empty(),
                        "upcaster-removed", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 0),
                new Case("upcaster removed, v1 waiting", List.of(UpcasterRemoved.Old.class),
                        List.of(UpcasterRemoved.New.class),
                        Live.of(List.of(), List.of(Live.waiting("user-confirmation", 1, 12))),
                        "upcaster-removed", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("type removed", List.of(TypeRemoved.Old.class), List.of(), null,
                        "type-removed", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("retired type removed", List.of(RetiredTypeRemoved.Old.class), List.of(), null,
                        "type-removed", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 1),
                new Case("retired type removed, drained", List.of(RetiredTypeRemoved.Old.class), List.of(),
                        Live.empty(), "type-removed", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 0),
                new Case("type renamed without alias", List.of(TypeRenamed.Old.class), List.of(TypeRenamed.New.class),
                        null, "type-renamed-without-alias", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("alias removed", List.of(AliasRemoved.Old.class), List.of(AliasRemoved.New.class), null,
                        "alias-removed", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 1),
                new Case("alias removed, jobs stored under it", List.of(AliasRemoved.Old.class),
                        List.of(AliasRemoved.New.class),
                        Live.of(List.of(), List.of(Live.waiting("confirm-email", 1, 2))),
                        "alias-removed", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("queue changed", List.of(QueueChanged.Old.class), List.of(QueueChanged.New.class), null,
                        "queue-changed", SAFE, NONE, null, 0, 0),
                new Case("new type", List.of(), List.of(NewType.New.class), null,
                        "new-type", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, null, 0, 1),
                new Case("new type, a worker for it is live", List.of(), List.of(NewType.New.class),
                        Live.of(List.of(Live.worker(BUILD, Live.reads("send-newsletter", 1, 1))), List.of()),
                        "new-type", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, null, 0, 0),
                new Case("downcaster missing", List.of(DowncasterMissing.Old.class),
                        List.of(DowncasterMissing.New.class), null,
                        "downcaster-missing", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, null, 0, 1),
                new Case("downcaster missing, N workers live", List.of(DowncasterMissing.Old.class),
                        List.of(DowncasterMissing.New.class),
                        Live.of(List.of(Live.worker(N, Live.reads("user-confirmation", 1, 1))), List.of()),
                        "downcaster-missing", NEEDS_STEPS, NEW_PAYLOAD_OLD_WORKER, null, 1, 1),
                new Case("rollback unsafe", List.of(DowncasterMissing.Old.class), List.of(DowncasterMissing.New.class),
                        null, "rollback-unsafe", NEEDS_STEPS, ROLLBACK, null, 0, 1),
                new Case("rollback unsafe, v2 jobs waiting", List.of(DowncasterMissing.Old.class),
                        List.of(DowncasterMissing.New.class),
                        Live.of(List.of(), List.of(Live.waiting("user-confirmation", 2, 5))),
                        "rollback-unsafe", BREAKING, ROLLBACK, null, 1, 1),
                new Case("version lowered", List.of(VersionLowered.Old.class), List.of(VersionLowered.New.class), null,
                        "version-lowered", BREAKING, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("version raised with both casters", List.of(AddedWithBothCasters.Old.class),
                        List.of(AddedWithBothCasters.New.class), null,
                        "version-raised", SAFE, NONE, null, 0, 0),
                new Case("type retired", List.of(TypeRetired.Old.class), List.of(TypeRetired.New.class), null,
                        "type-retired", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 1),
                new Case("type retired, only N's workers handle it", List.of(TypeRetired.Old.class),
                        List.of(TypeRetired.New.class),
                        Live.of(List.of(Live.worker(N, Live.reads("cleanup-cache", 1, 1)),
                                Live.worker(BUILD, Live.retires("cleanup-cache"))), List.of()),
                        "type-retired", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 1, 1),
                new Case("type retired, this build's workers keep a handler", List.of(TypeRetired.Old.class),
                        List.of(TypeRetired.New.class),
                        Live.of(List.of(Live.worker(N, Live.reads("cleanup-cache", 1, 1)),
                                Live.worker(BUILD, Live.reads("cleanup-cache", 1, 1))), List.of()),
                        "type-retired", NEEDS_STEPS, OLD_PAYLOAD_NEW_WORKER, null, 0, 0),
                new Case("type renamed with its alias", List.of(RenamedWithAlias.Old.class),
                        List.of(RenamedWithAlias.New.class), null,
                        "type-renamed", SAFE, NONE, null, 0, 0),
                new Case("a default changed", List.of(DefaultChanged.Old.class), List.of(DefaultChanged.New.class),
                        null, "type-changed", SAFE, NONE, null, 0, 0),
                new Case("an alias added", List.of(AliasAdded.Old.class), List.of(AliasAdded.New.class), null,
                        "type-changed", SAFE, NONE, null, 0, 0),
                new Case("a retirement undone", List.of(Unretired.Old.class), List.of(Unretired.New.class), null,
                        "type-changed", SAFE, NONE, null, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheRule(Case c) {
        Report report = check(c.old(), c.now(), c.live());

        assertThat(report.findings()).extracting(Finding::rule).contains(c.rule());
        Finding finding = report.findings().stream().filter(f -> f.rule().equals(c.rule())).findFirst().orElseThrow();
        assertThat(finding.severity()).as("severity").isEqualTo(c.severity());
        assertThat(finding.direction()).as("direction").isEqualTo(c.direction());
        assertThat(finding.field()).as("field").isEqualTo(c.field());
        assertThat(finding.explanation()).isNotBlank().doesNotContain("\n");
        if (c.field() != null && finding.fix() != null) {
            assertThat(finding.fix()).as("fix").contains(c.field());
        }
        if (finding.severity() != SAFE) {
            assertThat(finding.fix()).as("a finding to act on says what to change").isNotBlank();
        }
        String text = ReportPrinter.text(report, false, FailOn.NEEDS_STEPS);
        assertThat(report.exitCode(FailOn.BREAKING)).as("exit code of\n%s", text).isEqualTo(c.exitCode());
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).as("--fail-on needs-steps exit code of\n%s", text)
                .isEqualTo(c.strictExitCode());
        assertThat(report.exitCode(FailOn.NEVER)).isZero();
    }

    /** Whatever the rules say, every type whose declaration changed, was added or was removed is listed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyChangedTypeHasAFinding(Case c) {
        ContractSet old = ContractSet.of(N, c.old());
        ContractSet now = ContractSet.of(BUILD, c.now());
        Report report = check(c.old(), c.now(), c.live());

        for (TypeDeclaration before : old.types()) {
            String name = now.claiming(before.type()).map(TypeDeclaration::type).orElse(before.type());
            boolean changed = now.claiming(before.type()).map(after -> !after.equals(before)).orElse(true);
            if (changed) {
                // A type renamed without its alias is reported under its new name, and names the old one.
                assertThat(report.findings()).as("a finding about %s", name)
                        .anyMatch(f -> f.type().equals(name) || f.explanation().startsWith(name + " is gone"));
            }
        }
        for (TypeDeclaration after : now.types()) {
            if (old.types().stream().noneMatch(t -> after.answersTo(t.type()))) {
                assertThat(report.findings()).as("a finding about %s", after.type())
                        .anyMatch(f -> f.type().equals(after.type()));
            }
        }
    }

    static Report check(List<Class<?>> old, List<Class<?>> now, LiveState live) {
        Lockfile lock = new Lockfile(List.of(ContractSet.of(N, old)));
        return Checker.check(ContractSet.of(BUILD, now), lock, live);
    }
}
