package dev.baton.spi;

import java.util.Objects;

/**
 * The versions of one job type that a worker can read, inclusive on both ends. A worker claims only
 * jobs inside one of its ranges; everything else stays where it is, unattempted.
 */
public record ReadableRange(String type, int minVersion, int maxVersion) {

    public ReadableRange {
        Objects.requireNonNull(type, "type");
        if (minVersion < 1 || maxVersion < minVersion) {
            throw new IllegalArgumentException("bad version range " + minVersion + ".." + maxVersion + " for " + type);
        }
    }

    public boolean contains(String type, int version) {
        return this.type.equals(type) && version >= minVersion && version <= maxVersion;
    }
}
