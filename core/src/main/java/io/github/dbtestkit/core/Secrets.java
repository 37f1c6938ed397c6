package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import java.util.regex.Pattern;

/**
 * The one place that keeps credentials out of logs, messages and reports: every module masks JDBC URLs and scrubs
 * passwords through it.
 *
 * <pre>{@code
 * log.info("Connected to {}", Secrets.maskUrl("jdbc:postgresql://app:s3cret@db/app?password=s3cret")); // //***@db ... password=***
 * String safe = Secrets.scrub(driverMessage, password);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Secrets {

    /** What stands in for a secret. */
    public static final String MASK = "***";

    // password=, pwd=, pass= parameters (PostgreSQL, H2, SQL Server styles), up to the next & or ;
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd|pass)=)[^&;]*");
    // user:password@ or user@ after // (PostgreSQL and most URL-style JDBC URLs)
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    private Secrets() {
    }

    /** The JDBC URL with password parameters and user info replaced by {@code ***}; empty for {@code null}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return "";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("//" + MASK + "@");
    }

    /** {@code text} with every occurrence of {@code password} replaced by {@code ***}, in case a driver echoed it. */
    public static String scrub(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }
}
