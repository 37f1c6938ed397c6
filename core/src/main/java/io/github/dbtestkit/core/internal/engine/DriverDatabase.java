package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.EngineKind;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every engine's {@link DatabaseInstance} shares: a name, a {@link DriverDataSource} and its credentials, and a
 * {@link #close()} that drops the database once, however often it is called. Subclasses say how to drop.
 */
abstract class DriverDatabase implements DatabaseInstance {

    private final EngineKind engine;
    private final String name;
    private final DriverDataSource dataSource;
    private final String username;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();

    DriverDatabase(EngineKind engine, String name, DriverDataSource dataSource, String username, String password) {
        this.engine = engine;
        this.name = name;
        this.dataSource = dataSource;
        this.username = username;
        this.password = password;
    }

    @Override
    public final EngineKind engine() {
        return engine;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String jdbcUrl() {
        return dataSource.url();
    }

    @Override
    public final String username() {
        return username;
    }

    @Override
    public final String password() {
        return password;
    }

    @Override
    public final DataSource dataSource() {
        return dataSource;
    }

    /** The data source itself, for subclasses that must close its connections. */
    final DriverDataSource driverDataSource() {
        return dataSource;
    }

    /** Drops the database; the first call only. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            drop();
        }
    }

    /** Closes the data source's connections without dropping; later calls of {@link #close()} do nothing. */
    @Override
    public final void keep() {
        if (closed.compareAndSet(false, true)) {
            dataSource.close();
            forget();
        }
    }

    /** What keeping means beyond closing the connections: the server stops tracking it. */
    void forget() {
    }

    /** Drops the database and closes the data source's connections; called once. */
    abstract void drop();

    /** {@code H2 database orders_1}; never the credentials. */
    @Override
    public final String toString() {
        return engine.displayName() + " database " + name;
    }
}
