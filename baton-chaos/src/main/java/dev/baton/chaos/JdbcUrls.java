package dev.baton.chaos;

import java.util.regex.Pattern;

/** JDBC URL edits the run needs, and the one form of a URL it ever prints. */
final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {}

    /** The URL with any {@code password=} value hidden: URLs appear in logs and CI output. */
    static String masked(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** Sets {@code name=value}, replacing the parameter if the URL already has it. */
    static String withParameter(String url, String name, String value) {
        String stripped = withoutParameter(url, name);
        return stripped + (stripped.contains("?") ? "&" : "?") + name + "=" + value;
    }

    static String withoutParameter(String url, String name) {
        String stripped = Pattern.compile("([?&])" + Pattern.quote(name) + "=[^&]*&?").matcher(url).replaceAll("$1");
        return stripped.endsWith("?") || stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
