package dev.baton.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Job;
import dev.baton.JobContext;
import dev.baton.JobSettings;
import dev.baton.test.TestJobs.RecordReading;
import dev.baton.test.TestJobs.SendInvoice;
import dev.baton.test.TestJobs.StoreBlob;
import dev.baton.test.TestJobs.SyncProfile;
import dev.baton.test.TestJobs.UserConfirmation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTesterTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 2);

    @Test
    void aRoundTripReturnsTheJobAsAWorkerReadsIt() {
        UserConfirmation job = new UserConfirmation(42, "Welcome", DATE);

        UserConfirmation read = JobTester.roundTrip(job);

        assertThat(read).isEqualTo(job).isNotSameAs(job);
    }

    @Test
    void arraysSurviveARoundTripThoughRecordEqualityWouldSayOtherwise() {
        StoreBlob job = new StoreBlob("avatars/42", new byte[] {1, 2, 3}, List.of(new int[] {0, 512}, new int[] {512, 9}));

        StoreBlob read = JobTester.roundTrip(job);

        assertThat(read.content()).containsExactly(1, 2, 3);
        assertThat(read.chunks()).hasSize(2);
        assertThat(read.chunks().get(1)).containsExactly(512, 9);
    }

    @Test
    void aRoundTripFailsTheTestWhenAValueDoesNotSurviveJson() {
        RecordReading job = new RecordReading(7, -0.0);

        assertThatThrownBy(() -> JobTester.roundTrip(job))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RecordReading (record-reading v1) does not survive JSON: component \"celsius\" was "
                        + "-0.0 (Double) and reads back as 0.0 (Double)");
    }

    @Test
    void amountsKeepEveryDigit() {
        BigDecimal amount = new BigDecimal("12345678901234567.89");

        assertThat(JobTester.roundTrip(new SendInvoice(7, amount, "EUR")).amount()).isEqualByComparingTo(amount);
        assertThat(JobTester.roundTrip(new SendInvoice(7, new BigDecimal("19.90"), "EUR")).amount())
                .isEqualByComparingTo("19.90");
    }

    @Test
    void aRoundTripFailsTheTestWhenTheRecordRejectsWhatItWrites() {
        // Jackson writes what the accessor returns; the constructor then refuses it on the way back in.
        Masked job = new Masked("alice@example.com");

        assertThatThrownBy(() -> JobTester.roundTrip(job))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Masked (send-digest v1) does not read back: job send-digest v1")
                .hasMessageContaining("written as {\"email\":\"a***@example.com\"}");
    }

    @Test
    void aRoundTripToAnOlderVersionGoesThroughTheDowncastersAndUpcasters() {
        UserConfirmation job = new UserConfirmation(42, "Welcome", DATE);

        UserConfirmation read = JobTester.roundTrip(job, 1);

        // The v1 downcaster drops the date and the upcaster restores it as null: what a v2 worker gets from
        // a producer writing for a fleet that still has v1 workers.
        assertThat(read).isEqualTo(new UserConfirmation(42, "Welcome", null));
        assertThat(JobTester.roundTrip(job, 2)).isEqualTo(job);
    }

    @Test
    void aRoundTripToAVersionTheCastersDoNotReachFails() {
        assertThatThrownBy(() -> JobTester.roundTrip(new SyncProfile(1), 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SyncProfile (sync-profile v1) cannot be written")
                .hasMessageContaining("declare a @Downcast to reach v1");
        assertThatThrownBy(() -> JobTester.roundTrip(new UserConfirmation(1, "Hi", DATE), 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UserConfirmation (user-confirmation v3) cannot be written");
    }

    @Test
    void performRunsTheHandlerWithTheRoundTrippedJobAndAFirstAttemptContext() throws Exception {
        UserConfirmation job = new UserConfirmation(42, "Welcome", DATE);
        List<UserConfirmation> handled = new ArrayList<>();
        List<JobContext> contexts = new ArrayList<>();
        Instant before = Instant.now();

        JobTester.perform(job, (UserConfirmation confirmation, JobContext context) -> {
            handled.add(confirmation);
            contexts.add(context);
        });

        assertThat(handled).containsExactly(job);
        assertThat(handled.get(0)).isNotSameAs(job);
        JobContext context = contexts.get(0);
        assertThat(context.id()).isEqualTo(1);
        assertThat(context.type()).isEqualTo("user-confirmation");
        assertThat(context.version()).isEqualTo(2);
        assertThat(context.queue()).isEqualTo("mailers");
        assertThat(context.attempt()).isEqualTo(1);
        assertThat(context.maxAttempts()).isEqualTo(JobSettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(context.createdAt()).isBetween(before, Instant.now());
        assertThat(context.enqueuedBy()).isEqualTo("test");
        assertThat(context.isCancelled()).isFalse();
    }

    @Test
    void performWithAnOlderVersionHandsTheHandlerWhatTheCastersMakeOfIt() throws Exception {
        Map<String, Object> seen = new java.util.HashMap<>();

        JobTester.perform(new UserConfirmation(42, "Welcome", DATE), 1, (UserConfirmation job, JobContext context) -> {
            seen.put("date", job.date() == null ? "null" : job.date());
            seen.put("version", context.version());
        });

        assertThat(seen).containsEntry("date", "null").containsEntry("version", 1);
    }

    @Test
    void aHandlerForASupertypeIsAccepted() throws Exception {
        List<Object> handled = new ArrayList<>();
        dev.baton.JobHandler<Record> anyRecord = (job, context) -> handled.add(job);

        JobTester.perform(new SendInvoice(7, new BigDecimal("19.90"), "EUR"), anyRecord);

        assertThat(handled).hasSize(1);
    }

    @Test
    void checkedExceptionsFromTheHandlerPropagateAsTheyAre() {
        IOException smtpDown = new IOException("SMTP server unreachable");

        assertThatThrownBy(() -> JobTester.perform(new UserConfirmation(42, "Welcome", DATE), (job, context) -> {
            throw smtpDown;
        })).isSameAs(smtpDown);
    }

    @Test
    void theHandlerIsNotCalledWhenTheRoundTripFails() {
        List<Object> handled = new ArrayList<>();

        assertThatThrownBy(() -> JobTester.perform(new RecordReading(7, -0.0), (job, context) -> handled.add(job)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("component \"celsius\"");
        assertThat(handled).isEmpty();
    }

    @Test
    void aClassThatIsNotAJobIsRejectedAsSuch() {
        assertThatThrownBy(() -> JobTester.roundTrip(Duration.ofSeconds(1)))
                .isInstanceOf(dev.baton.JobDefinitionException.class)
                .hasMessageContaining("has no @Job annotation");
    }

    /** Exposes a masked address, and rejects that very value when built from it: the payload never reads. */
    @Job(name = "send-digest")
    record Masked(String email) {

        Masked {
            if (email.contains("*")) {
                throw new IllegalArgumentException("email must be a full address, was " + email);
            }
        }

        @Override
        public String email() {
            return email.charAt(0) + "***" + email.substring(email.indexOf('@'));
        }
    }
}
