package io.github.dbtestkit.engine;

import java.util.regex.Pattern;

/** Helpers for JDBC URLs in messages and logs. */
final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** The URL with any {@code password=} value replaced by {@code ***}, so that it can be logged. */
    static String mask(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
