package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CheckPropertyTest {

    /** A build that changed nothing since the newest release has nothing to report, whatever it holds. */
    @Property
    void aBuildIdenticalToTheNewestReleaseHasNoFinding(@ForAll("subsets") Set<Class<?>> records) {
        ContractSet build = ContractSet.of("next", List.copyOf(records));
        Lockfile lock = new Lockfile(List.of(ContractSet.of("current", List.copyOf(records))));

        Report report = Checker.check(build, lock, null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isZero();
    }

    /** And the same after a trip through the lockfile's JSON. */
    @Property
    void theSameHoldsThroughTheLockfileText(@ForAll("subsets") Set<Class<?>> records) {
        ContractSet build = ContractSet.of("next", List.copyOf(records));
        Lockfile lock = Lockfile.fromJson(Lockfile.empty().withSnapshot(build, 3).toJson(), "lock");

        assertThat(Checker.check(build, lock, Live.empty()).exitCode(FailOn.NEEDS_STEPS)).isZero();
    }

    @Provide
    Arbitrary<Set<Class<?>>> subsets() {
        return Arbitraries.subsetOf(Pool.ALL);
    }
}
