package dev.baton.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Payloads;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Payloads as release N wrote them, built by hand, read by release N+1 through its contracts and the casters
 * on its records (seed 001's case 2); and what N+1 writes for N's workers (case 1).
 */
class PayloadsTest {

    private static final LocalDate XMAS = LocalDate.of(2017, 12, 24);

    @Test
    void nsUserConfirmationReadsWithoutADate() {
        assertThat(Payloads.read(UserConfirmation.class, 1, "{\"userId\":42,\"message\":\"Hello!\"}"))
                .isEqualTo(new UserConfirmation(42, "Hello!", null));
    }

    @Test
    void nsDoSomethingGetsTheUpcastersArg2() {
        assertThat(Payloads.read(DoSomething.class, 1, "{\"arg1\":7}")).isEqualTo(new DoSomething(7, "none"));
    }

    @Test
    void nsComputeFoobarReadsWithComputePastFalse() {
        // Seed 002's "typed property must not be accessed before initialization", which Baton prevents.
        assertThat(Payloads.read(ComputeFoobar.class, 1,
                "{\"groupId\":3,\"start\":\"2026-11-01\",\"end\":\"2026-11-30\"}"))
                .isEqualTo(new ComputeFoobar(3, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), false));
    }

    @Test
    void nsConfirmEmailReadsAsTheRenamedType() {
        assertThat(Payloads.read(EmailConfirmation.class, 1, "{\"userId\":42}")).isEqualTo(new EmailConfirmation(42));
    }

    @Test
    void theCurrentVersionsRoundTrip() {
        UserConfirmation confirmation = new UserConfirmation(42, "Hello!", XMAS);
        assertThat(Payloads.read(UserConfirmation.class, 2, Payloads.write(confirmation))).isEqualTo(confirmation);
        DoSomething something = new DoSomething(7, "fast");
        assertThat(Payloads.read(DoSomething.class, 2, Payloads.write(something))).isEqualTo(something);
    }

    @Test
    void downcastersWriteWhatNReads() {
        assertThat(Payloads.write(new UserConfirmation(42, "Hello!", XMAS), 1))
                .isEqualTo("{\"userId\":42,\"message\":\"Hello!\"}");
        assertThat(Payloads.write(new DoSomething(7, "fast"), 1)).isEqualTo("{\"arg1\":7}");
    }
}
