package dev.baton.contract;

import java.util.Locale;

/** The JSON type of a value in a payload. Written lower-case in a contract's canonical JSON. */
public enum JsonType {
    STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

    /** The lower-case name used in canonical JSON and messages, for example {@code "integer"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the name is not one of {@link #jsonName()}'s values */
    public static JsonType fromJsonName(String name) {
        for (JsonType type : values()) {
            if (type.jsonName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown JSON type \"" + name + "\"");
    }
}
