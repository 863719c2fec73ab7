package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a node refuses before start() and after close(), all decided before the store is touched. */
class BatonLifecycleTest {

    @Job(name = "send-mail", queue = "mailers")
    record SendMail(String to) {}

    private final UntouchableStore store = new UntouchableStore();
    private final Baton baton = Baton.builder().store(store.store()).queue("mailers", 1)
            .handle(SendMail.class, (job, context) -> {}).build();

    @AfterEach
    void storeWasNeverTouched() {
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void enqueueBeforeStartIsRefused() {
        LifecycleException e = Expect.thrown(LifecycleException.class, () -> baton.enqueue(new SendMail("a@b.c")));

        assertThat(e.getMessage()).contains("enqueue before start()").contains("call start() first");
        Expect.thrown(LifecycleException.class, () -> baton.enqueue(new SendMail("a@b.c"), EnqueueOptions.defaults()));
        Expect.thrown(LifecycleException.class, () -> baton.enqueueAll(List.of(new SendMail("a@b.c"))));
    }

    @Test
    void enqueueInATransactionNeedsTheConnection() {
        ConfigException e = Expect.thrown(ConfigException.class,
                () -> baton.enqueue((Connection) null, new SendMail("a@b.c")));

        assertThat(e.option()).isEqualTo("transaction");
    }

    @Test
    void closingANodeThatNeverStartedIsClean() {
        assertThat(baton.shutdown(Duration.ZERO)).isTrue();
        baton.close();

        LifecycleException enqueue = Expect.thrown(LifecycleException.class, () -> baton.enqueue(new SendMail("a@b.c")));
        assertThat(enqueue.getMessage()).contains("enqueue after close()").contains(baton.nodeId());
        LifecycleException start = Expect.thrown(LifecycleException.class, baton::start);
        assertThat(start.getMessage()).contains("cannot be restarted");
    }
}
