package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who runs a database server: H2 and SQLite run in this JVM; PostgreSQL has four providers, chosen with
 * {@code dbtestkit.postgresql.provider} (absent or {@code auto}: see {@link PostgresSettings#provider()}).
 *
 * <pre>{@code
 * Provider provider = Provider.fromId("testcontainers");
 * String shown = provider.id(); // "testcontainers"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Provider {
    /** H2 or SQLite inside this JVM. */
    IN_MEMORY,
    /** zonky's PostgreSQL binaries from Maven Central, run by dbtestkit. */
    EMBEDDED,
    /** A PostgreSQL container started through Testcontainers. */
    TESTCONTAINERS,
    /** A server someone else runs, reached through {@code dbtestkit.postgresql.url}. */
    EXTERNAL,
    /** {@code initdb} and {@code pg_ctl} installed on this machine, run by dbtestkit. */
    LOCAL;

    /** The spelling used in configuration, logs and messages: {@code in-memory}, {@code embedded}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The ids a PostgreSQL provider setting accepts besides {@code auto}. */
    public static String postgresIds() {
        return Arrays.stream(values()).filter(p -> p != IN_MEMORY).map(Provider::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses a PostgreSQL provider id, ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Provider fromId(String id) {
        String normalized = id.trim().toLowerCase(Locale.ROOT);
        for (Provider provider : values()) {
            if (provider != IN_MEMORY && provider.id().equals(normalized)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("Unknown " + PostgresSettings.PROVIDER + " '" + id.trim()
                + "': expected one of auto, " + postgresIds() + ".");
    }

    @Override
    public String toString() {
        return id();
    }
}
