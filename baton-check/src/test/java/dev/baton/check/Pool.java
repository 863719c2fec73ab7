package dev.baton.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Retired;
import dev.baton.Upcast;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Job records with distinct type names, covering what a contract can hold: any subset is a valid build. */
final class Pool {

    private Pool() {}

    enum Plan { FREE, PRO }

    record Address(String street, @Default("\"00000\"") String zip) {}

    @Job(name = "user-confirmation", version = 2, queue = "mailers", aliases = "confirm-user")
    record UserConfirmation(long userId, String message, Optional<LocalDate> date) {
        @Upcast(from = 1)
        static void addDate(ObjectNode v1) {
            v1.putNull("date");
        }

        @Downcast(from = 2)
        static void dropDate(ObjectNode v2) {
            v2.remove("date");
        }
    }

    @Job(name = "compute-foobar")
    record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}

    @Job(name = "charge-invoice", queue = "billing")
    record ChargeInvoice(long invoiceId, BigDecimal amount, @Default("0.10") BigDecimal rate, Plan plan) {}

    @Job(name = "ship-order")
    record ShipOrder(long orderId, List<String> skus, Address address, Map<String, Integer> quantities) {}

    @Retired(reason = "the cache is gone")
    @Job(name = "cleanup-cache")
    record CleanupCache(String region) {}

    @Job(name = "sync-profile", version = 3)
    record SyncProfile(long userId) {
        @Upcast(from = 2)
        static void dropSource(ObjectNode v2) {
            v2.remove("source");
        }
    }

    static final List<Class<?>> ALL = List.of(UserConfirmation.class, ComputeFoobar.class, ChargeInvoice.class,
            ShipOrder.class, CleanupCache.class, SyncProfile.class);
}
