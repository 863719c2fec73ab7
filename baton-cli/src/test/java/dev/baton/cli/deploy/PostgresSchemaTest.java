package dev.baton.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresSchemaTest {

    @Test
    void aCurrentSchemaAlreadyInTheUrlIsReplacedNotDoubled() {
        assertThat(PostgresSchema.withoutSchema("jdbc:postgresql://db/app?user=p")).isEqualTo("jdbc:postgresql://db/app?user=p");
        assertThat(PostgresSchema.withoutSchema("jdbc:postgresql://db/app?currentSchema=x&user=p"))
                .isEqualTo("jdbc:postgresql://db/app?user=p");
        assertThat(PostgresSchema.withoutSchema("jdbc:postgresql://db/app?user=p&currentSchema=x"))
                .isEqualTo("jdbc:postgresql://db/app?user=p");
        assertThat(PostgresSchema.withoutSchema("jdbc:postgresql://db/app?currentSchema=x"))
                .isEqualTo("jdbc:postgresql://db/app");
    }
}
