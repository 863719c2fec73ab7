package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.baton.Default;
import dev.baton.Expect;
import dev.baton.Job;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    enum Plan { FREE, PRO }

    record Address(String city, @Default("00000") String zip) {}

    @Job(name = "compute-foobar", version = 2, queue = "reports", aliases = {"foobar", "compute"})
    record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast,
            Optional<Address> address, List<Plan> plans, Map<String, BigDecimal> weights,
            @Default("{\"z\": 1.50, \"a\": [2.0]}") com.fasterxml.jackson.databind.JsonNode extra) {}

    private static final String EXPECTED = "{\"aliases\":[\"compute\",\"foobar\"],\"fields\":["
            + "{\"default\":null,\"name\":\"address\",\"required\":false,\"shape\":{\"fields\":["
            + "{\"name\":\"city\",\"required\":true,\"shape\":{\"format\":\"string\",\"type\":\"string\"}},"
            + "{\"default\":\"00000\",\"name\":\"zip\",\"required\":false,\"shape\":{\"format\":\"string\",\"type\":\"string\"}}"
            + "],\"type\":\"object\"}},"
            + "{\"default\":false,\"name\":\"computePast\",\"required\":false,\"shape\":{\"nullable\":false,\"type\":\"boolean\"}},"
            + "{\"name\":\"end\",\"required\":true,\"shape\":{\"format\":\"date\",\"type\":\"string\"}},"
            + "{\"default\":{\"a\":[2],\"z\":1.5},\"name\":\"extra\",\"required\":false,\"shape\":{\"format\":\"json\",\"type\":\"object\"}},"
            + "{\"name\":\"groupId\",\"required\":true,\"shape\":{\"format\":\"int64\",\"nullable\":false,\"type\":\"integer\"}},"
            + "{\"name\":\"plans\",\"required\":true,\"shape\":{\"items\":{\"enum\":[\"FREE\",\"PRO\"],\"format\":\"enum\",\"type\":\"string\"},\"type\":\"array\"}},"
            + "{\"name\":\"start\",\"required\":true,\"shape\":{\"format\":\"date\",\"type\":\"string\"}},"
            + "{\"name\":\"weights\",\"required\":true,\"shape\":{\"type\":\"object\",\"values\":{\"format\":\"decimal\",\"type\":\"number\"}}}"
            + "],\"fingerprint\":\"%s\",\"queue\":\"reports\",\"type\":\"compute-foobar\",\"version\":2}";

    @Test
    void theLayoutIsCompactWithKeysAndFieldsSorted() {
        Contract contract = Contract.of(ComputeFoobar.class);

        assertThat(contract.canonicalJson()).isEqualTo(EXPECTED.formatted(contract.fingerprint()));
    }

    @Test
    void roundTripsThroughFromCanonicalJson() {
        Contract contract = Contract.of(ComputeFoobar.class);

        Contract read = Contract.fromCanonicalJson(contract.canonicalJson());

        assertThat(read).isEqualTo(contract);
        assertThat(read.canonicalJson()).isEqualTo(contract.canonicalJson());
    }

    @Test
    void aContractBuiltByHandHasTheSameFormAsADerivedOne() {
        Contract derived = Contract.of(ComputeFoobar.class);
        List<Field> reversed = new java.util.ArrayList<>(derived.fields());
        java.util.Collections.reverse(reversed);

        Contract built = new Contract("compute-foobar", 2, "reports", List.of("foobar", "compute"), reversed, null);

        assertThat(built).isEqualTo(derived);
        assertThat(new Contract("compute-foobar", 2, "reports", List.of("compute", "foobar"), reversed,
                derived.fingerprint())).isEqualTo(derived);
    }

    @Test
    void aWrongFingerprintIsRefused() {
        Contract contract = Contract.of(ComputeFoobar.class);

        assertThat(Expect.thrown(IllegalArgumentException.class, () -> new Contract(contract.type(), contract.version(),
                contract.queue(), contract.aliases(), contract.fields(), "0000000000000000")))
                .hasMessageContaining("does not match the content");
    }

    @Test
    void editedJsonIsRefusedByItsFingerprint() {
        String json = Contract.of(ComputeFoobar.class).canonicalJson().replace("\"reports\"", "\"mailers\"");

        assertThat(Expect.thrown(ContractFormatException.class, () -> Contract.fromCanonicalJson(json)))
                .hasMessageContaining("does not match the content")
                .hasMessageStartingWith("contract JSON: ");
    }

    @Test
    void malformedJsonIsRefusedWithWhatIsWrong() {
        String valid = Contract.of(ComputeFoobar.class).canonicalJson();

        assertThat(Expect.thrown(ContractFormatException.class, () -> Contract.fromCanonicalJson("{")))
                .hasMessageContaining("not valid JSON");
        assertThat(Expect.thrown(ContractFormatException.class, () -> Contract.fromCanonicalJson("[]")))
                .hasMessageContaining("is not a JSON object");
        assertThat(Expect.thrown(ContractFormatException.class,
                () -> Contract.fromCanonicalJson(valid.replace("\"queue\"", "\"lane\""))))
                .hasMessageContaining("unknown key \"lane\"");
        assertThat(Expect.thrown(ContractFormatException.class,
                () -> Contract.fromCanonicalJson(valid.replace("\"type\":\"compute-foobar\"", "\"type\":\"X\""))))
                .hasMessageContaining("not kebab-case");
        assertThat(Expect.thrown(ContractFormatException.class,
                () -> Contract.fromCanonicalJson(valid.replace("\"type\":\"boolean\"", "\"type\":\"bool\""))))
                .hasMessageContaining("unknown JSON type \"bool\"");
        assertThat(Expect.thrown(ContractFormatException.class, () -> Contract.fromCanonicalJson(null)))
                .hasMessageContaining("null");
    }

    @Test
    void theOutputIsTheSameWhateverTheDefaultLocale() {
        Contract contract = Contract.of(ComputeFoobar.class);
        java.util.Locale original = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Contract.of(ComputeFoobar.class).canonicalJson()).isEqualTo(contract.canonicalJson());
        } finally {
            java.util.Locale.setDefault(original);
        }
    }

    @Test
    void shapesAndFieldsBuiltByHandNormalizeToTheDerivedForm() {
        Field optional = Field.optional("count", Shape.scalar(JsonType.INTEGER, "int64"), IntNode.valueOf(3));
        Contract contract = new Contract("counter", 1, "default", List.of(), List.of(optional,
                Field.optional("note", Shape.scalar(JsonType.STRING, "string"), NullNode.getInstance())), null);

        assertThat(contract.canonicalJson()).startsWith("{\"aliases\":[],\"fields\":[{\"default\":3,\"name\":\"count\"")
                .contains("{\"default\":null,\"name\":\"note\",\"required\":false,");
        assertThat(contract.field("count")).contains(optional);
        assertThat(contract.field("missing")).isEmpty();
    }
}
