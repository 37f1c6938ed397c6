package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.EngineKind;

import java.util.Properties;
import java.util.function.Consumer;

/**
 * One database on a {@link PostgresServer}, or one schema standing in for a database on a {@link PostgresSchemaServer};
 * closing it drops it, ending the sessions still connected.
 */
final class PostgresDatabase extends DriverDatabase {

    private final Consumer<PostgresDatabase> drop;
    private final Consumer<PostgresDatabase> forget;

    PostgresDatabase(String name, String url, Properties credentials, String server, Consumer<PostgresDatabase> drop,
                     Consumer<PostgresDatabase> forget) {
        super(EngineKind.POSTGRESQL, name, new DriverDataSource(JdbcDriver.POSTGRESQL, url, credentials, server),
                credentials.getProperty("user", ""), credentials.getProperty("password", ""));
        this.drop = drop;
        this.forget = forget;
    }

    @Override
    void forget() {
        forget.accept(this);
    }

    @Override
    void drop() {
        driverDataSource().close();
        drop.accept(this);
    }
}
