package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.PayloadException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

/** ContractReader over random contracts and random valid payloads of them. */
class ContractReaderPropertyTest {

    enum Plan { FREE, PRO, TEAM }

    record Line(String sku, @Default("1") int quantity, Optional<LocalDate> shipBy) {}

    @Job(name = "place-order", version = 4)
    record PlaceOrder(long orderId, List<Line> lines, Map<String, Line> byWarehouse, @Default("PRO") Plan plan,
            @Default("{\"sku\": \"gift\", \"quantity\": 1, \"shipBy\": null}") Line bonus, Optional<String> note,
            @Default("[1, 2]") int[] slots) {}

    @Job(name = "compute-foobar")
    record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}

    @Property
    void aValidPayloadNeverThrowsAndComesOutComplete(@ForAll("contractsAndPayloads") Tuple2<Contract, ObjectNode> sample) {
        ObjectNode applied = ContractReader.apply(sample.get1(), 1, sample.get2());

        assertThat(ContractArbitraries.complete(sample.get1().fields(), applied)).as(applied.toString()).isTrue();
    }

    @Property
    void removedOptionalFieldsReadAsTheirDefaults(
            @ForAll("contractsCompletePayloadsAndOptionalSubsets") Tuple3<Contract, ObjectNode, Set<String>> sample) {
        Contract contract = sample.get1();
        ObjectNode payload = sample.get2();
        payload.remove(sample.get3());

        ContractReader.apply(contract, contract.version(), payload);

        for (String removed : sample.get3()) {
            assertThat(payload.get(removed)).as(removed)
                    .isEqualTo(contract.field(removed).orElseThrow().defaultValue());
        }
    }

    @Property
    void removingARequiredFieldThrowsNamingExactlyThatField(
            @ForAll("contractsAndCompletePayloads") Tuple2<Contract, ObjectNode> sample, @ForAll long pick) {
        List<Field> required = sample.get1().fields().stream().filter(Field::required).toList();
        Assume.that(!required.isEmpty());
        String removed = required.get((int) Math.floorMod(pick, (long) required.size())).name();
        ObjectNode payload = sample.get2();
        payload.remove(removed);

        PayloadException e = Expect.thrown(PayloadException.class, () -> ContractReader.apply(sample.get1(), 7, payload));

        assertThat(e.field()).isEqualTo(removed);
        assertThat(e.version()).isEqualTo(7);
        assertThat(e.type()).isEqualTo(sample.get1().type());
    }

    @Provide
    Arbitrary<Tuple2<Contract, ObjectNode>> contractsAndPayloads() {
        return contracts().flatMap(contract -> ContractArbitraries.objects(contract.fields(), false)
                .map(payload -> Tuple.of(contract, payload)));
    }

    @Provide
    Arbitrary<Tuple2<Contract, ObjectNode>> contractsAndCompletePayloads() {
        return contracts().flatMap(contract -> ContractArbitraries.objects(contract.fields(), true)
                .map(payload -> Tuple.of(contract, payload)));
    }

    @Provide
    Arbitrary<Tuple3<Contract, ObjectNode, Set<String>>> contractsCompletePayloadsAndOptionalSubsets() {
        return contracts().flatMap(contract -> {
            List<String> optional = contract.fields().stream().filter(f -> !f.required()).map(Field::name).toList();
            Arbitrary<Set<String>> subsets = optional.isEmpty() ? Arbitraries.just(Set.of())
                    : Arbitraries.subsetOf(optional);
            return Combinators.combine(ContractArbitraries.objects(contract.fields(), true), subsets)
                    .as((payload, subset) -> Tuple.of(contract, payload, subset));
        });
    }

    /** Derived contracts of real records, and random ones. */
    private static Arbitrary<Contract> contracts() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Contract.of(PlaceOrder.class), Contract.of(ComputeFoobar.class))),
                Tuple.of(4, ContractArbitraries.contracts()));
    }
}
