package dev.baton.jdbc;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.spi.NodeType;
import java.sql.SQLException;
import java.util.List;

/**
 * The JSON columns of {@code baton_nodes}. Nodes of different Baton versions read each other's rows during
 * a rolling deploy, so reading is lenient both ways: fields a newer Baton added are ignored, and lists an
 * older one did not write read as empty.
 */
final class NodeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY))
            .build();

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final TypeReference<List<NodeType>> TYPES = new TypeReference<>() {};

    private NodeJson() {}

    static String write(List<?> values) throws SQLException {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write " + values + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> queues(String nodeId, String json) throws SQLException {
        return read(nodeId, "queues", json, STRINGS);
    }

    static List<NodeType> types(String nodeId, String json) throws SQLException {
        return read(nodeId, "types", json, TYPES);
    }

    private static <T> List<T> read(String nodeId, String column, String json, TypeReference<List<T>> type)
            throws SQLException {
        try {
            List<T> values = MAPPER.readValue(json, type);
            return values == null ? List.of() : values;
        } catch (JsonProcessingException e) {
            throw new SQLException("baton_nodes." + column + " of node " + nodeId + " is not valid JSON ("
                    + e.getOriginalMessage() + "): " + json, e);
        }
    }
}
