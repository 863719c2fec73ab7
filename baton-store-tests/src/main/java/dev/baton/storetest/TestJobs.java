package dev.baton.storetest;

import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.time.Instant;

/** Builds {@link NewJob}s for tests, with defaults for everything a test does not care about. */
public final class TestJobs {

    /** The suite's fixed clock: every time is an offset from here. Microseconds on purpose. */
    public static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456Z");

    private TestJobs() {}

    /** A waiting job of version 1 on queue {@code default}, due at {@link #T0}. */
    public static Builder job(String type) {
        return new Builder(type);
    }

    public static final class Builder {
        private final String type;
        private int version = 1;
        private String queue = "default";
        private String payload = "{}";
        private JobState state = JobState.WAITING;
        private int priority;
        private int maxAttempts = 3;
        private Instant runAt = T0;
        private Instant createdAt = T0;
        private String uniqueKey;
        private String release = "r1";

        private Builder(String type) {
            this.type = type;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        /** Scheduled for later: state scheduled, due at {@code runAt}. */
        public Builder scheduledAt(Instant runAt) {
            this.state = JobState.SCHEDULED;
            this.runAt = runAt;
            return this;
        }

        public Builder runAt(Instant runAt) {
            this.runAt = runAt;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder uniqueKey(String uniqueKey) {
            this.uniqueKey = uniqueKey;
            return this;
        }

        public Builder release(String release) {
            this.release = release;
            return this;
        }

        public NewJob build() {
            return new NewJob(type, version, queue, payload, state, priority, maxAttempts, runAt, createdAt,
                    uniqueKey, release);
        }
    }
}
