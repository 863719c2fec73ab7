package dev.baton.contract;

import dev.baton.BatonException;

/**
 * A contract's canonical JSON cannot be read back: not the layout {@link Contract#canonicalJson()} writes,
 * or its fingerprint does not match its content (it was edited, or truncated, after it was written).
 */
public final class ContractFormatException extends BatonException {

    public ContractFormatException(String problem, Throwable cause) {
        super("contract JSON: " + problem, cause);
    }
}
