package io.github.dbtestkit.engine;

import io.github.dbtestkit.config.Settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing PostgreSQL server given by {@code dbtestkit.postgresql.url}: dbtestkit creates its databases there with
 * {@code CREATE DATABASE} (the user needs {@code CREATEDB}) and drops them when they are closed; it never stops the
 * server.
 */
final class ExternalPostgres {

    static final String PROVIDER = "external";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private ExternalPostgres() {
    }

    static PostgresServer start(Settings settings) {
        String url = settings.postgresqlUrl().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL (external) needs " + Settings.POSTGRESQL_URL + " (or DBTESTKIT_POSTGRESQL_URL): set it to a server's JDBC URL, "
                        + "e.g. jdbc:postgresql://localhost:5432/postgres, or set " + Settings.POSTGRESQL_PROVIDER + "=auto."));
        withDatabase(url, "postgres");
        return PostgresServer.connect(PROVIDER, url, settings.postgresqlUsername().orElse(""),
                settings.postgresqlPassword().orElse(""), name -> withDatabase(url, name), () -> { });
    }

    /** {@code url} pointing at {@code database} instead, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalStateException(Settings.POSTGRESQL_URL + "=" + JdbcUrls.mask(url)
                    + " is not a PostgreSQL JDBC URL: write it as jdbc:postgresql://host:port/database.");
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }
}
