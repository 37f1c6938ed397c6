package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;

/** Which provider serves each engine, and how each provider starts. */
final class EngineProviders {

    private EngineProviders() {
    }

    static Provider providerFor(EngineKind engine, PostgresSettings settings) {
        return switch (engine) {
            case H2 -> Provider.IN_MEMORY;
            case SQLITE -> Provider.IN_MEMORY;
            case POSTGRESQL -> PostgresProviders.choose(settings);
        };
    }

    static DatabaseServer start(EngineKind engine, Provider provider, PostgresSettings settings) {
        return switch (engine) {
            case H2 -> H2Server.start();
            case SQLITE -> SqliteServer.start();
            case POSTGRESQL -> PostgresProviders.start(provider, settings);
        };
    }
}
