package dev.baton.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One versioned schema change, kept as a SQL file per dialect under
 * {@code dev/baton/jdbc/migrations/<dialect>/V001__<description>.sql}. Applied migrations are never
 * edited: a change is a new file.
 */
record Migration(int version, String description) {

    /** Every migration, in the order they apply. Add new ones at the end. */
    static final List<Migration> ALL = List.of(new Migration(1, "jobs"), new Migration(2, "fleet"),
            new Migration(3, "runs"), new Migration(4, "forms"),
            new Migration(5, "lean_indexes"));

    static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS baton_schema_version ("
            + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,"
            + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** {@code V001}. */
    String label() {
        return String.format(Locale.ROOT, "V%03d", version);
    }

    String fileName() {
        return label() + "__" + description + ".sql";
    }

    /** The file's text, as written. */
    String sql(Dialect dialect) {
        String path = "migrations/" + dialect.id() + "/" + fileName();
        try (InputStream in = Migration.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the baton-jdbc jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }

    List<String> statements(Dialect dialect) {
        return split(sql(dialect));
    }

    /**
     * Splits a migration file at lines ending in a semicolon. Enough for files we write ourselves (no
     * procedural bodies), and it keeps JDBC drivers from having to accept several statements at once.
     */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        for (String line : sql.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("--")) {
                hasCode = true;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";") && !trimmed.startsWith("--")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
                hasCode = false;
            }
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
