package dev.baton.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.PayloadException;

/**
 * Payload JSON in and out. A payload is the record's components as a JSON object: no class names, no
 * type ids, no default typing, so the stored form survives any refactoring of the Java code.
 */
public final class PayloadCodec {

    /**
     * The longest string the reader accepts (Jackson's read constraints): a payload no longer than this
     * cannot hold a string that workers would refuse to read back.
     */
    public static final int MAX_READABLE_CHARS = StreamReadConstraints.defaults().getMaxStringLength();

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            // ISO strings, as the contracts describe them: "PT1M", not 60.000000000, and zones kept by name.
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // A second guard behind the contract: null never becomes 0 in a primitive.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Amounts keep every digit and their scale: 12345678901234567.89 must not come back as a double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Tolerant reading: a field a newer release added is ignored by an older reader.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * No payload this short can break a read constraint: a string, a number or a name over its limit, or
     * nesting past its depth (each level takes two characters), needs at least this many characters. Most
     * payloads are far shorter, and skip the check's second parse.
     */
    private final int alwaysReadable = alwaysReadable(mapper.getFactory().streamReadConstraints());

    private static int alwaysReadable(StreamReadConstraints limits) {
        long shortest = Math.min(Math.min(limits.getMaxStringLength(), limits.getMaxNumberLength()),
                Math.min(limits.getMaxNameLength(), 2L * limits.getMaxNestingDepth()));
        if (limits.getMaxDocumentLength() > 0) {
            shortest = Math.min(shortest, limits.getMaxDocumentLength());
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, shortest - 1));
    }

    public String write(JobTypeInfo type, Object job) {
        return toJson(type, toTree(type, job));
    }

    public <T> T read(JobTypeInfo type, int storedVersion, String payload, Class<T> recordClass) {
        return fromTree(type, storedVersion, parse(type, storedVersion, payload), recordClass);
    }

    /** The record as a JSON object tree, for downcasting before it is written. */
    public ObjectNode toTree(JobTypeInfo type, Object job) {
        try {
            JsonNode tree = mapper.valueToTree(job);
            if (!(tree instanceof ObjectNode object)) {
                throw new PayloadException(type.name(), type.version(), null,
                        "the record did not serialize to a JSON object", null);
            }
            return object;
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PayloadException(type.name(), type.version(), fieldOf(cause),
                    "cannot be written as JSON: " + firstLine(cause) + "; job arguments should be plain data "
                            + "(numbers, strings, java.time values, lists, maps, records)", cause);
        }
    }

    public String toJson(JobTypeInfo type, ObjectNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new PayloadException(type.name(), type.version(), null, "cannot be written as JSON: " + firstLine(e), e);
        }
    }

    /**
     * Refuses, at enqueue, a payload that workers could not read back: longer than {@code maxChars}, or past
     * the reader's limits on nesting or number length. A token walk with the reader's own constraints, so
     * it agrees with {@link #parse} exactly, at a fraction of its cost.
     */
    public void checkReadable(JobTypeInfo type, int version, String json, int maxChars) {
        if (json.length() > maxChars) {
            throw new PayloadException(type.name(), version, null, "the payload is " + json.length()
                    + " characters of JSON, over the limit of " + maxChars + " (maxPayloadSize): keep large data"
                    + " elsewhere (a table, a blob store) and pass its key in the job", null);
        }
        if (json.length() <= alwaysReadable) {
            return;
        }
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                // reading every token applies every read constraint
            }
        } catch (java.io.IOException e) {
            throw new PayloadException(type.name(), version, fieldOf(e), "workers could not read this payload back: "
                    + firstLine(e), e);
        }
    }

    /** The stored text as a JSON object; anything else is a PayloadException. */
    public ObjectNode parse(JobTypeInfo type, int storedVersion, String payload) {
        if (payload == null) {
            throw new PayloadException(type.name(), storedVersion, null, "the payload is missing", null);
        }
        try {
            JsonNode tree = mapper.readTree(payload);
            if (!(tree instanceof ObjectNode object)) {
                throw new PayloadException(type.name(), storedVersion, null, "the payload is not a JSON object but "
                        + (tree == null ? "empty" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)), null);
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new PayloadException(type.name(), storedVersion, fieldOf(e), "cannot be read: " + firstLine(e), e);
        }
    }

    public <T> T fromTree(JobTypeInfo type, int storedVersion, ObjectNode tree, Class<T> recordClass) {
        try {
            return mapper.treeToValue(tree, recordClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PayloadException(type.name(), storedVersion, fieldOf(e), "cannot be read: " + firstLine(e), e);
        }
    }

    static String fieldOf(Throwable e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? null : path.toString();
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
