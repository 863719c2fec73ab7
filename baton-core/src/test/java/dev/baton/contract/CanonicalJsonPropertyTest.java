package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The canonical JSON is one text per contract, whatever the order things were given in. */
class CanonicalJsonPropertyTest {

    @Property(tries = 50)
    void derivingTwiceGivesIdenticalText(@ForAll("records") Class<?> record) {
        assertThat(Contract.of(record).canonicalJson()).isEqualTo(Contract.of(record).canonicalJson());
    }

    @Property
    void theTextRoundTripsThroughFromCanonicalJson(@ForAll("contracts") Contract contract) {
        String json = contract.canonicalJson();

        Contract read = Contract.fromCanonicalJson(json);

        assertThat(read).isEqualTo(contract);
        assertThat(read.canonicalJson()).isEqualTo(json);
    }

    @Property
    void theOrderOfFieldsDoesNotMatter(@ForAll("contracts") Contract contract, @ForAll long seed) {
        List<Field> shuffled = new ArrayList<>(contract.fields());
        Collections.shuffle(shuffled, new Random(seed));

        Contract reordered = new Contract(contract.type(), contract.version(), contract.queue(), contract.aliases(),
                shuffled, null);

        assertThat(reordered.canonicalJson()).isEqualTo(contract.canonicalJson());
    }

    @Provide
    Arbitrary<Contract> contracts() {
        return ContractArbitraries.contracts();
    }

    @Provide
    Arbitrary<Class<?>> records() {
        return net.jqwik.api.Arbitraries.of(CanonicalJsonTest.ComputeFoobar.class, ContractDerivationTest.Everything.class,
                DefaultValueTest.Defaults.class, FingerprintTest.ReleaseN.UserSignup.class,
                ContractReaderPropertyTest.PlaceOrder.class);
    }
}
