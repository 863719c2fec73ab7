package dev.baton.jdbc;

/** The schema as SQL, for DBAs who apply migrations themselves ({@code baton schema --sql}). */
public final class Schema {

    private Schema() {}

    /**
     * Every migration in order, each under a comment naming its version, followed by the bookkeeping row
     * that tells {@link JdbcStore#migrate()} it is applied. Run it as a whole on an empty schema.
     */
    public static String sql(Dialect dialect) {
        StringBuilder out = new StringBuilder();
        out.append("-- Baton schema for ").append(dialect.id())
                .append(": migrations ").append(Migration.ALL.get(0).label()).append(" to ")
                .append(Migration.ALL.get(Migration.ALL.size() - 1).label())
                .append(", in order.\n")
                .append("-- Baton records applied versions in baton_schema_version and applies only missing ones.\n\n")
                .append(Migration.VERSION_TABLE).append(";\n");
        for (Migration m : Migration.ALL) {
            out.append("\n-- Migration ").append(m.label())
                    .append(": ").append(m.description()).append(" (").append(m.fileName()).append(")\n\n")
                    .append(m.sql(dialect).strip()).append("\n\n")
                    .append("INSERT INTO baton_schema_version (version, description, applied_at) VALUES (")
                    .append(m.version()).append(", '").append(m.description()).append("', CURRENT_TIMESTAMP);\n");
        }
        return out.toString();
    }
}
