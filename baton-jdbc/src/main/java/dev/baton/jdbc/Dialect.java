package dev.baton.jdbc;

import java.util.Locale;

/** The databases {@link JdbcStore} speaks. */
public enum Dialect {
    POSTGRESQL("jdbc:postgresql:"),
    H2("jdbc:h2:");

    private final String urlPrefix;

    Dialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The JDBC URL prefix that selects this dialect, for example {@code jdbc:postgresql:}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** The short name used in logs, the CLI and resource paths: {@code postgresql} or {@code h2}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the dialect whose prefix the URL starts with, or {@code null} when none does */
    static Dialect fromUrl(String jdbcUrl) {
        for (Dialect d : values()) {
            if (jdbcUrl.regionMatches(true, 0, d.urlPrefix, 0, d.urlPrefix.length())) {
                return d;
            }
        }
        return null;
    }
}
