package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.ConfigException;
import dev.baton.Job;
import dev.baton.Upcast;
import dev.baton.check.Fixtures.RequiredFieldAdded;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractSetTest {

    @Test
    void derivesTheChainsAndRetirementFromTheRecords() {
        ContractSet set = ContractSet.of("r1", Pool.ALL);

        assertThat(set.types()).extracting(TypeDeclaration::type).containsExactly("charge-invoice", "cleanup-cache",
                "compute-foobar", "ship-order", "sync-profile", "user-confirmation");
        TypeDeclaration user = set.type("user-confirmation").orElseThrow();
        assertThat(user.readsFrom()).isEqualTo(1);
        assertThat(user.writesDownTo()).isEqualTo(1);
        TypeDeclaration sync = set.type("sync-profile").orElseThrow();
        assertThat(sync.readsFrom()).isEqualTo(2);
        assertThat(sync.writesDownTo()).isEqualTo(3);
        assertThat(set.type("cleanup-cache").orElseThrow().retired()).isTrue();
        assertThat(set.claiming("confirm-user")).contains(user);
    }

    @Test
    void jsonRoundTripsByteForByte() {
        ContractSet set = ContractSet.of("2026.11.3", Pool.ALL);

        String json = set.toJson();
        ContractSet back = ContractSet.fromJson(json);

        assertThat(back).isEqualTo(set);
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void jsonIsSortedPrettyAndEndsWithANewline() {
        String json = ContractSet.of("r1", List.of(RequiredFieldAdded.Old.class)).toJson();

        assertThat(json).isEqualTo("""
                {
                  "release": "r1",
                  "types": [
                    {
                      "contract": {
                        "aliases": [],
                        "fields": [
                          {
                            "name": "groupId",
                            "required": true,
                            "shape": {
                              "format": "int64",
                              "nullable": false,
                              "type": "integer"
                            }
                          },
                          {
                            "name": "start",
                            "required": true,
                            "shape": {
                              "format": "date",
                              "type": "string"
                            }
                          }
                        ],
                        "fingerprint": "%s",
                        "queue": "default",
                        "type": "compute-foobar",
                        "version": 1
                      },
                      "readsFrom": 1,
                      "retired": false,
                      "writesDownTo": 1
                    }
                  ]
                }
                """.formatted(dev.baton.contract.Contract.of(RequiredFieldAdded.Old.class).fingerprint()));
    }

    @Test
    void aContractEditedByHandIsRefused() {
        String json = ContractSet.of("r1", List.of(RequiredFieldAdded.Old.class)).toJson()
                .replace("\"queue\": \"default\"", "\"queue\": \"mailers\"");

        assertThatThrownBy(() -> ContractSet.fromJson(json)).isInstanceOf(CheckFormatException.class)
                .hasMessageContaining("release r1").hasMessageContaining("fingerprint");
    }

    @Test
    void twoRecordsOfOneTypeAreRefusedByClassName() {
        assertThatThrownBy(() -> ContractSet.of("r1", List.of(RequiredFieldAdded.Old.class, RequiredFieldAdded.New.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RequiredFieldAdded.Old.class.getName())
                .hasMessageContaining(RequiredFieldAdded.New.class.getName())
                .hasMessageContaining("compute-foobar");
    }

    @Test
    void aGapInTheUpcasterChainIsRefusedAsTheRuntimeRefusesIt() {
        assertThatThrownBy(() -> TypeDeclaration.of(Gap.class)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gap");
    }

    /** Reads v1 but not v2: the runtime's build() refuses it, so the checker does too. */
    @Job(name = "gappy", version = 3)
    record Gap(long id) {
        @Upcast(from = 1)
        static void one(ObjectNode v1) {}
    }
}
