package io.github.dbtestkit.lifecycle;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.ClassConfiguration;
import io.github.dbtestkit.setup.PreparedDatabase;
import io.github.dbtestkit.setup.SchemaSetup;

/**
 * One run of a {@code @DatabaseTest} class on one engine: its configuration and, once prepared, its database.
 * A failure to prepare is kept and reported by every test of the run, so each shows why it could not run.
 *
 * <pre>{@code
 * EngineRun run = new EngineRun(Engine.H2, config); PreparedDatabase db = run.database();
 * }</pre>
 */
public final class EngineRun {

    private final Engine engine;
    private final ClassConfiguration config;
    private PreparedDatabase database;
    private RuntimeException failure;

    /** A run of {@code config}'s class on {@code engine}. */
    public EngineRun(Engine engine, ClassConfiguration config) {
        this.engine = engine;
        this.config = config;
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** The class's configuration. */
    public ClassConfiguration config() {
        return config;
    }

    /**
     * The prepared database, preparing it on first call (engine started, schema applied, both cached JVM-wide).
     *
     * @throws DatabaseTestException if preparing failed, now or on an earlier call
     */
    public synchronized PreparedDatabase database() {
        if (database != null) {
            return database;
        }
        if (failure == null) {
            try {
                database = SchemaSetup.prepare(engine, config);
                return database;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure instanceof DatabaseTestException d ? new DatabaseTestException(d.getMessage(), d) : failure;
    }
}
