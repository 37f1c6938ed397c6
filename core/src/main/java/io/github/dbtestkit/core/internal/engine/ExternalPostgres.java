package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.PostgresSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing PostgreSQL server given by {@code dbtestkit.postgresql.url}: dbtestkit creates its databases there with
 * {@code CREATE DATABASE} and drops them when they are closed; it never stops the server. A user without
 * {@code CREATEDB} gets a schema per database in the URL's database instead ({@link PostgresSchemaServer}), with a
 * warning that names the grant. Databases and schemas that a killed JVM of this host left there are dropped when the
 * next run connects.
 */
final class ExternalPostgres {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private ExternalPostgres() {
    }

    static DatabaseServer start(PostgresSettings settings) {
        String url = settings.url().orElseThrow(() -> new ProvisioningException(
                "PostgreSQL (external) needs " + PostgresSettings.URL + " (or DBTESTKIT_POSTGRESQL_URL): set it to a server's JDBC URL, "
                        + "e.g. jdbc:postgresql://localhost:5432/postgres, or set " + PostgresSettings.PROVIDER + "=auto."));
        withDatabase(url, "postgres");
        PostgresServer server = PostgresServer.connect(Provider.EXTERNAL, url, settings.username().orElse(""),
                settings.password().orElse(""), name -> withDatabase(url, name), () -> { });
        // A cluster dbtestkit runs itself goes away with its killed JVM (see ClusterOrphans); databases on a server
        // that outlives the JVM are dropped here, by the next run on the same host.
        server.dropLeftovers();
        if (mayCreateDatabases(server)) {
            return server;
        }
        PostgresSchemaServer schemas = PostgresSchemaServer.on(server, schema -> withSchema(url, schema));
        schemas.dropLeftovers();
        return schemas;
    }

    private static boolean mayCreateDatabases(PostgresServer server) {
        try (Connection admin = new DriverDataSource(JdbcDriver.POSTGRESQL, server.jdbcUrl(), server.credentials()).getConnection()) {
            return PostgresSchemaServer.mayCreateDatabases(admin);
        } catch (SQLException e) {
            // the server answered a moment ago: let CREATE DATABASE report what is wrong, in its own words
            return true;
        }
    }

    /**
     * {@code url} with pgjdbc's {@code currentSchema} set to {@code schema} alone, replacing one the URL set: the schema
     * is the connections' whole search path, so nothing of another schema is found by an unqualified name.
     */
    static String withSchema(String url, String schema) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new ProvisioningException(PostgresSettings.URL + "=" + Secrets.maskUrl(url)
                    + " is not a PostgreSQL JDBC URL: write it as jdbc:postgresql://host:port/database.");
        }
        String query = matcher.group(3) == null ? "" : matcher.group(3).substring(1);
        StringBuilder kept = new StringBuilder();
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty() && !parameter.regionMatches(true, 0, "currentSchema=", 0, "currentSchema=".length())) {
                kept.append(parameter).append('&');
            }
        }
        return matcher.group(1) + (matcher.group(2) == null ? "/" : matcher.group(2)) + "?" + kept + "currentSchema=" + schema;
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
