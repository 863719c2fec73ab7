package dev.baton.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;

/** --json output: stable field names, ISO-8601 times, pretty-printed for people piping into jq. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Payloads shown or archived keep every digit of their amounts.
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output", e);
        }
    }

    /**
     * A stored payload indented, token for token: numbers keep their exact text (a tree would turn
     * 12345678901234567.89 into a double) and fields their order. Text that is not JSON comes back as it
     * is, so that an export still records it and a replay reports it as unreadable.
     */
    static String pretty(String payload) {
        StringWriter text = new StringWriter();
        try (JsonParser parser = MAPPER.getFactory().createParser(payload);
                JsonGenerator generator = MAPPER.getFactory().createGenerator(text).useDefaultPrettyPrinter()) {
            while (parser.nextToken() != null) {
                generator.copyCurrentEventExact(parser);
            }
        } catch (IOException e) {
            return payload;
        }
        return text.toString();
    }

    /** Stored payloads are JSON text; output embeds them as JSON, not as a string of JSON. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
