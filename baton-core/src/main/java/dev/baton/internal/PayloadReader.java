package dev.baton.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.contract.ContractReader;

/**
 * Reads a stored payload as the handler's record: parse, upcast from the stored version to the current
 * one, apply the contract (defaults for missing optional fields, a named error for a missing required
 * one), then bind. Every failure is a {@link dev.baton.PayloadException} naming type, version and field.
 */
final class PayloadReader {

    private final PayloadCodec codec;

    PayloadReader(PayloadCodec codec) {
        this.codec = codec;
    }

    /**
     * Reads the newest form of the job this node reads: the producer's own version when this node reads
     * it, else the older form the producer stored for nodes like this one.
     */
    <T> T read(Registration<T> registration, dev.baton.spi.ClaimedJob job) {
        int version = job.versionFor(registration.evolution().current());
        return read(registration, version, job.payloadAt(version));
    }

    <T> T read(Registration<T> registration, int storedVersion, String payload) {
        JobTypeInfo info = registration.info();
        ObjectNode tree = codec.parse(info, storedVersion, payload);
        registration.evolution().upcast(tree, storedVersion);
        ContractReader.apply(registration.contract(), storedVersion, tree);
        return codec.fromTree(info, storedVersion, tree, registration.recordClass());
    }
}
