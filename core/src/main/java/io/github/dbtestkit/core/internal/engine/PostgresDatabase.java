package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.EngineKind;

import javax.sql.DataSource;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One database on a {@link PostgresServer}; closing it drops it, ending the sessions still connected. */
final class PostgresDatabase implements DatabaseInstance {

    private final String name;
    private final DriverDataSource dataSource;
    private final Properties credentials;
    private final Consumer<PostgresDatabase> drop;
    private final AtomicBoolean closed = new AtomicBoolean();

    PostgresDatabase(String name, String url, Properties credentials, Consumer<PostgresDatabase> drop) {
        this.name = name;
        this.credentials = credentials;
        this.dataSource = new DriverDataSource(JdbcDriver.POSTGRESQL, url, credentials);
        this.drop = drop;
    }

    @Override
    public EngineKind engine() {
        return EngineKind.POSTGRESQL;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return dataSource.url();
    }

    @Override
    public String username() {
        return credentials.getProperty("user", "");
    }

    @Override
    public String password() {
        return credentials.getProperty("password", "");
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        dataSource.close();
        drop.accept(this);
    }

    @Override
    public String toString() {
        return "PostgreSQL database " + name;
    }
}
