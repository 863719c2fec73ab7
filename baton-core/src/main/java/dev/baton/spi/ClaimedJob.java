package dev.baton.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A job as handed to a worker by {@link JobStore#jobClaim}. {@code attempt} already counts this run and
 * is the fencing token for every later write about this run. {@code payload} is in {@code version}, the
 * newest form; {@code forms} holds the older ones a producer stored for a mixed fleet (see {@link NewJob}).
 */
public record ClaimedJob(
        long id,
        String type,
        int version,
        String queue,
        String payload,
        int priority,
        int attempt,
        int maxAttempts,
        Instant createdAt,
        Instant runAt,
        String release,
        Map<Integer, String> forms) {

    public ClaimedJob {
        forms = Map.copyOf(forms);
    }

    /** The form a reader that reads up to {@code newestReadable} takes: its version, per {@link PayloadForms#versionFor}. */
    public int versionFor(int newestReadable) {
        return PayloadForms.versionFor(version, forms, newestReadable);
    }

    /** The payload stored in {@code formVersion}: the row's own, or an older form. */
    public String payloadAt(int formVersion) {
        return formVersion == version ? payload : forms.get(formVersion);
    }
}
