package dev.baton.spi;

/** Starts a run of node {@code nodeId}: see {@link JobStore#presenceOpen}. */
public record PresenceOpenParams(String nodeId) {

    public PresenceOpenParams {
        java.util.Objects.requireNonNull(nodeId, "nodeId");
    }
}
