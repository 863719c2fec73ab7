package dev.baton.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Upcast;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The job records of the "current build" the tests replay payloads against. */
final class TestJobs {

    private TestJobs() {}

    /** v2 added {@code date}; renamed from confirm-user, whose stored jobs it still runs. */
    @Job(name = "user-confirmation", version = 2, queue = "mailers", aliases = "confirm-user")
    record UserConfirmation(long userId, String message, LocalDate date) {

        @Upcast(from = 1)
        static void addDate(ObjectNode v1) {
            v1.putNull("date");
        }

        @Downcast(from = 2)
        static void dropDate(ObjectNode v2) {
            v2.remove("date");
        }
    }

    @Job(name = "send-invoice", queue = "billing")
    record SendInvoice(long invoiceId, BigDecimal amount, @Default("EUR") String currency) {}

    /** JSON numbers have no negative zero once read as decimals: -0.0 comes back as 0.0. */
    @Job(name = "record-reading")
    record RecordReading(long sensorId, double celsius) {}

    /** v2 dropped v1's {@code source} and, wrongly, its upcaster with it: v1 payloads no longer read. */
    @Job(name = "sync-profile", version = 2)
    record SyncProfile(long userId) {}

    /** Upcasting v1 needs {@code plan}, which some v1 payloads lack: the upcaster throws for those. */
    @Job(name = "renew-subscription", version = 2)
    record RenewSubscription(long subscriptionId, String planCode) {

        @Upcast(from = 1)
        static void renamePlan(ObjectNode v1) {
            v1.put("planCode", v1.remove("plan").asText().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Arrays compare by identity in record equality; a round trip must still see these as equal. */
    @Job(name = "store-blob")
    record StoreBlob(String key, byte[] content, List<int[]> chunks) {}
}
