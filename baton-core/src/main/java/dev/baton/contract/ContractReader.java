package dev.baton.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.PayloadException;
import java.util.Objects;

/**
 * Makes a payload readable by the record of its contract, before the codec deserializes it. Jackson alone
 * would read a missing field as null, 0 or false and "12" as 12 without a word: seed 002's job ran with an
 * uninitialized property. Here a missing optional field gets its declared default, and anything else that
 * does not fit is a {@link PayloadException} naming the field.
 */
public final class ContractReader {

    private ContractReader() {}

    /**
     * Fills each missing optional field (nested records included) with its default, so a record component
     * never sees "absent". Unknown fields are left alone: the codec ignores them, so that an older reader
     * tolerates what a newer writer added.
     *
     * @param contract the contract of the version the payload now has (after upcasting)
     * @param storedVersion the version the payload was stored with, for the error message
     * @param payload the payload, mutated in place
     * @return the payload
     * @throws PayloadException for a missing required field, or a present field whose JSON type is clearly
     *     wrong (a string for an integer, an object for an array, null for a primitive, an unknown enum
     *     constant, a fraction or an out-of-range value for an integer); {@code field()} is its path, such as
     *     {@code "address.zip"} or {@code "lines[2].sku"}
     */
    public static ObjectNode apply(Contract contract, int storedVersion, ObjectNode payload) {
        Objects.requireNonNull(contract, "contract");
        if (payload == null) {
            throw new PayloadException(contract.type(), storedVersion, null, "the payload is missing", null);
        }
        try {
            Conformance.applyFields(contract.fields(), payload);
            return payload;
        } catch (Conformance.Mismatch mismatch) {
            String problem = mismatch.problem.equals(Conformance.MISSING) ? mismatch.problem
                    : mismatch.problem + "; the payload does not fit the v" + contract.version() + " contract: fix the "
                            + "code that wrote it, or convert such payloads in an upcaster";
            throw new PayloadException(contract.type(), storedVersion, mismatch.path, problem, null);
        }
    }
}
