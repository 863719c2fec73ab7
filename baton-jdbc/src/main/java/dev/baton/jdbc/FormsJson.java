package dev.baton.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code forms} column of {@code baton_jobs}: a job's older stored versions as a JSON object of
 * version to payload text, or NULL when the job is stored in one form only.
 */
final class FormsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<Integer, String>> FORMS = new TypeReference<>() {};

    private FormsJson() {}

    static String write(Map<Integer, String> forms) throws SQLException {
        if (forms.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(forms));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write the job's older forms as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A column a newer Baton wrote in a shape this one cannot read counts as no older forms. */
    static Map<Integer, String> read(String column) {
        if (column == null || column.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(column, FORMS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
