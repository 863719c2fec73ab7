package dev.baton.bench;

import java.util.regex.Pattern;

/** Setting one parameter of a JDBC URL, replacing the value it had. */
final class JdbcUrls {

    private JdbcUrls() {}

    static String with(String url, String key, String value) {
        String base = without(url, key);
        return base + (base.contains("?") ? "&" : "?") + key + "=" + value;
    }

    static String without(String url, String key) {
        String stripped = Pattern.compile("([?&])" + Pattern.quote(key) + "=[^&]*&?", Pattern.CASE_INSENSITIVE)
                .matcher(url).replaceAll("$1");
        return stripped.endsWith("?") || stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /**
     * Whether a PostgreSQL URL names a server on this machine (loopback, localhost or a Unix socket), whose
     * processes /proc can show.
     */
    static boolean isLocalPostgres(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return true; // jdbc:postgresql:db: the default host, localhost
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        String host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                : authority.split(":", 2)[0];
        return host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
