package dev.baton.spi;

import java.time.Instant;

/**
 * A contract as recorded in the store: one row per (type, version, fingerprint) ever registered, with
 * the release that registered it first. The history lets a node find older queues of a type and lets
 * {@code baton check} compare against what really ran.
 *
 * @param contract the contract's canonical JSON
 */
public record ContractRecord(String type, int version, String fingerprint, String queue, String contract,
        String release, Instant registeredAt) {}
