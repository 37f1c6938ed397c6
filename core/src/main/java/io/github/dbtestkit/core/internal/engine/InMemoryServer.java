package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * What the in-memory engines (H2, SQLite) share: no process to run, a version read when "starting", named databases
 * tracked so closing the server drops them, and the same failure handling around creating and copying one. Each
 * engine supplies how a database is opened and how one is copied.
 */
abstract class InMemoryServer implements DatabaseServer {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryServer.class);

    private final EngineKind engine;
    private final String version;
    private final String jdbcUrl;
    final OpenInstances instances = new OpenInstances();

    InMemoryServer(EngineKind engine, String version, String jdbcUrl) {
        this.engine = engine;
        this.version = version;
        this.jdbcUrl = jdbcUrl;
    }

    /** Opens (and so creates) the named database; the caller registers it. */
    abstract DatabaseInstance open(String name) throws SQLException;

    /** Copies {@code template}'s schema and data into the new, empty {@code copy}. */
    abstract void copy(DatabaseInstance template, DatabaseInstance copy) throws SQLException;

    @Override
    public final EngineKind engine() {
        return engine;
    }

    @Override
    public final Provider provider() {
        return Provider.IN_MEMORY;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public final DatabaseInstance createDatabase(String name) {
        DatabaseNames.requireValid(name);
        instances.claim(name);
        try {
            DatabaseInstance database = open(name);
            instances.register(database);
            LOG.debug("Created {} database {}", engine.displayName(), name);
            return database;
        } catch (SQLException | RuntimeException e) {
            instances.release(name);
            throw new ProvisioningException("Cannot create " + engine.displayName() + " database '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public final DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
        DatabaseInstance copy = createDatabase(name);
        try {
            copy(template, copy);
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw new ProvisioningException("Cannot copy " + engine.displayName() + " database '" + template.name()
                    + "' to '" + name + "': " + e.getMessage(), e);
        }
        LOG.debug("Copied {} database {} to {}", engine.displayName(), template.name(), name);
        return copy;
    }

    @Override
    public final void close() {
        instances.closeAll();
    }

    @Override
    public final String toString() {
        return engine.displayName() + " " + version + " (" + Provider.IN_MEMORY.id() + ")";
    }
}
