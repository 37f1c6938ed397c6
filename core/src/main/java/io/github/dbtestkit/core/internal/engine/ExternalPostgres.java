package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.PostgresSettings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing PostgreSQL server given by {@code dbtestkit.postgresql.url}: dbtestkit creates its databases there with
 * {@code CREATE DATABASE} (the user needs {@code CREATEDB}) and drops them when they are closed; it never stops the
 * server. Databases that a killed JVM of this host left there are dropped when the next run connects.
 */
final class ExternalPostgres {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private ExternalPostgres() {
    }

    static PostgresServer start(PostgresSettings settings) {
        String url = settings.url().orElseThrow(() -> new ProvisioningException(
                "PostgreSQL (external) needs " + PostgresSettings.URL + " (or DBTESTKIT_POSTGRESQL_URL): set it to a server's JDBC URL, "
                        + "e.g. jdbc:postgresql://localhost:5432/postgres, or set " + PostgresSettings.PROVIDER + "=auto."));
        withDatabase(url, "postgres");
        PostgresServer server = PostgresServer.connect(Provider.EXTERNAL, url, settings.username().orElse(""),
                settings.password().orElse(""), name -> withDatabase(url, name), () -> { });
        // A cluster dbtestkit runs itself goes away with its killed JVM (see ClusterOrphans); databases on a server
        // that outlives the JVM are dropped here, by the next run on the same host.
        server.dropLeftovers();
        return server;
    }

    /** {@code url} pointing at {@code database} instead, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new ProvisioningException(PostgresSettings.URL + "=" + Secrets.maskUrl(url)
                    + " is not a PostgreSQL JDBC URL: write it as jdbc:postgresql://host:port/database.");
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }
}
