package dev.baton.spi;

import java.util.Objects;

/**
 * The versions of one job type that a worker can read, inclusive on both ends. A worker claims only
 * jobs inside one of its ranges; everything else stays where it is, unattempted.
 */
public record ReadableRange(String type, int minVersion, int maxVersion) {

    /**
     * The type of a range that matches every type: what a conventional queue worker takes (everything on
     * its queue), used only when Baton's protections are switched off to show what they prevent.
     */
    public static final String ANY_TYPE = "*";

    public static ReadableRange anyType() {
        return new ReadableRange(ANY_TYPE, 1, Integer.MAX_VALUE);
    }

    public boolean isAnyType() {
        return ANY_TYPE.equals(type);
    }

    public ReadableRange {
        Objects.requireNonNull(type, "type");
        if (minVersion < 1 || maxVersion < minVersion) {
            throw new IllegalArgumentException("bad version range " + minVersion + ".." + maxVersion + " for " + type);
        }
    }

    public boolean contains(String type, int version) {
        return (isAnyType() || this.type.equals(type)) && version >= minVersion && version <= maxVersion;
    }
}
