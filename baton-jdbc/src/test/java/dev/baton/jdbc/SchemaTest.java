package dev.baton.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void namesEveryMigrationAndRecordsIt(Dialect dialect) {
        String sql = Schema.sql(dialect);
        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS baton_schema_version").contains("CREATE TABLE baton_jobs")
                .contains("CREATE TABLE baton_nodes").contains("CREATE TABLE baton_contracts")
                .contains("CREATE TABLE baton_archive");
        for (Migration m : Migration.ALL) {
            assertThat(sql).contains("-- Migration " + m.label() + ": " + m.description())
                    .contains("VALUES (" + m.version() + ", '" + m.description() + "', CURRENT_TIMESTAMP)");
        }
    }

    @Test
    void h2ScriptBuildsTheSameSchemaAsMigrate() throws SQLException {
        DataSource scripted = memoryDatabase();
        DataSource migrated = memoryDatabase();
        try (Connection keepScripted = scripted.getConnection(); Connection keepMigrated = migrated.getConnection()) {
            runScript(keepScripted, Schema.sql(Dialect.H2));
            JdbcStore.h2(migrated).migrate();

            assertThat(describe(keepScripted)).isNotEmpty().isEqualTo(describe(keepMigrated));
            assertThat(maxVersion(keepScripted)).isEqualTo(Migration.latest());
            // migrate() sees the scripted schema as up to date and leaves it alone.
            JdbcStore.h2(scripted).migrate();
            assertThat(describe(keepScripted)).isEqualTo(describe(keepMigrated));
        }
    }

    @Test
    void postgresScriptBuildsTheSameSchemaAsMigrate() throws SQLException {
        try (PostgresTestDatabase.FreshSchema scripted = PostgresTestDatabase.freshSchema();
                PostgresTestDatabase.FreshSchema migrated = PostgresTestDatabase.freshSchema();
                Connection sc = scripted.dataSource().getConnection();
                Connection mc = migrated.dataSource().getConnection()) {
            runScript(sc, Schema.sql(Dialect.POSTGRESQL));
            JdbcStore.postgres(migrated.dataSource()).migrate();
            String columns = "SELECT table_name, column_name, data_type, is_nullable, character_maximum_length"
                    + " FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " ORDER BY table_name, column_name";
            String indexes = "SELECT tablename, indexname, indexdef FROM pg_indexes"
                    + " WHERE schemaname = current_schema() ORDER BY indexname";
            assertThat(rows(sc, columns)).isNotEmpty().isEqualTo(rows(mc, columns));
            assertThat(rows(sc, indexes).stream().map(r -> r.replace(scripted.name(), "S")).toList())
                    .isEqualTo(rows(mc, indexes).stream().map(r -> r.replace(migrated.name(), "S")).toList());
            JdbcStore.postgres(scripted.dataSource()).migrate();
        }
    }

    static DataSource memoryDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema_" + UUID.randomUUID().toString().replace("-", ""));
        return ds;
    }

    private static void runScript(Connection c, String script) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String statement : Migration.split(script)) {
                st.execute(statement);
            }
        }
    }

    private static List<String> describe(Connection c) throws SQLException {
        List<String> all = new ArrayList<>(rows(c, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE,"
                + " CHARACTER_MAXIMUM_LENGTH, DATETIME_PRECISION FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, COLUMN_NAME"));
        all.addAll(rows(c, "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.INDEX_NAME NOT LIKE 'PRIMARY_KEY%'"
                + " ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION"));
        return all;
    }

    private static int maxVersion(Connection c) throws SQLException {
        return Integer.parseInt(rows(c, "SELECT MAX(version) FROM baton_schema_version").get(0));
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
