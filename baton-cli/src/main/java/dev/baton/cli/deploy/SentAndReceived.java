package dev.baton.cli.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;

/** What a producer sent against what a handler received, as the example app recorded both in JSON. */
final class SentAndReceived {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SentAndReceived() {}

    /** True when some field of the received record is null although the sent record had a value for it. */
    static boolean lostAField(String sent, String received) {
        JsonNode before;
        JsonNode after;
        try {
            before = MAPPER.readTree(sent);
            after = MAPPER.readTree(received);
        } catch (JsonProcessingException e) {
            return false; // not written by this example's recorder: nothing to compare
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode sentValue = before.get(field.getKey());
            if (field.getValue().isNull() && sentValue != null && !sentValue.isNull()) {
                return true;
            }
        }
        return false;
    }
}
