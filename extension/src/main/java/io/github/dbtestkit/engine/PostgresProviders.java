package io.github.dbtestkit.engine;

import io.github.dbtestkit.config.Settings;

/** Chooses and starts a PostgreSQL provider. */
final class PostgresProviders {

    private PostgresProviders() {
    }

    static String choose(Settings settings) {
        return settings.postgresqlProvider();
    }

    static DatabaseServer start(String provider, Settings settings) {
        throw new IllegalStateException("PostgreSQL (" + provider + ") is not available yet in this build.");
    }
}
