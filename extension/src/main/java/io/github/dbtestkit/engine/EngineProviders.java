package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;

/** Which provider serves each engine, and how each provider starts. */
final class EngineProviders {

    private EngineProviders() {
    }

    static String providerFor(Engine engine, Settings settings) {
        return switch (engine) {
            case H2 -> H2Server.PROVIDER;
            case SQLITE -> SqliteServer.PROVIDER;
            case POSTGRESQL -> PostgresProviders.choose(settings);
        };
    }

    static DatabaseServer start(Engine engine, String provider, Settings settings) {
        return switch (engine) {
            case H2 -> H2Server.start();
            case SQLITE -> SqliteServer.start();
            case POSTGRESQL -> PostgresProviders.start(provider, settings);
        };
    }
}
