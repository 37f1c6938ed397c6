package io.github.dbtestkit.core;

import io.github.dbtestkit.core.internal.engine.ServerRegistry;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Owns the database servers and prepared databases of one run: each (engine, provider) is started at most once, on
 * first use, and shared by everyone who asks this provisioner; {@link #close()} drops the prepared databases and stops
 * the servers, newest first. Whoever creates it closes it (the JUnit extension keeps one in the root
 * {@code ExtensionContext.Store}; the CLI and the benchmarks use try-with-resources).
 *
 * <pre>{@code
 * try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults())) {
 *     DatabaseInstance db = provisioner.server(EngineKind.H2).createDatabase("orders");
 * }
 * }</pre>
 *
 * <p>A server that fails to start is not retried: later requests fail at once with the same message. A JVM shutdown
 * hook stops the servers only if the JVM exits before {@link #close()} was called (a killed build, {@code System.exit}
 * in a test), so that no PostgreSQL process outlives it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DatabaseProvisioner implements AutoCloseable {

    private final PostgresSettings settings;
    private final ServerRegistry servers;
    private final PreparedDatabases prepared = new PreparedDatabases();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::closeResources, "dbtestkit-shutdown");

    /** A provisioner that provides PostgreSQL as {@code settings} say. */
    public DatabaseProvisioner(PostgresSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.servers = ServerRegistry.standard();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** How PostgreSQL is provided. */
    public PostgresSettings settings() {
        return settings;
    }

    /**
     * The running server for {@code engine}, started now if it is not running yet. Thread-safe: a second caller waits
     * for the first start of the same engine; other engines start in parallel.
     *
     * @throws ProvisioningException saying why the engine cannot start and what to add or set
     * @throws IllegalStateException after {@link #close()}
     */
    public DatabaseServer server(EngineKind engine) {
        Objects.requireNonNull(engine, "engine");
        if (closed.get()) {
            throw new IllegalStateException("This DatabaseProvisioner is closed: its servers are stopped.");
        }
        return servers.obtain(engine, settings);
    }

    /** The cache of databases with a schema applied, which this provisioner closes before its servers stop. */
    public PreparedDatabases prepared() {
        return prepared;
    }

    /** Drops every prepared database, then stops every server, newest first. Idempotent; never throws. */
    @Override
    public void close() {
        if (closeResources()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run or is running
            }
        }
    }

    private boolean closeResources() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        prepared.closeAll();
        servers.closeAll();
        return true;
    }
}
