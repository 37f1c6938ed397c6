package io.github.dbtestkit.setup;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.config.ClassConfiguration;
import io.github.dbtestkit.engine.DatabaseInstance;
import io.github.dbtestkit.engine.DatabaseServer;
import io.github.dbtestkit.engine.DatabaseServers;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test class's run on one engine its database: decides the schema mode, and applies the schema once per
 * {@link SchemaKey} (create_all through Hibernate's schema tooling, or the project's migrations).
 *
 * <pre>{@code
 * PreparedDatabase db = SchemaSetup.prepare(Engine.H2, classConfiguration);
 * }</pre>
 */
public final class SchemaSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaSetup.class);

    private SchemaSetup() {
    }

    /** The prepared database for {@code config}'s class on {@code engine}, from the cache when possible. */
    public static PreparedDatabase prepare(Engine engine, ClassConfiguration config) {
        EntitySet entities = EntityResolution.resolve(config);
        SchemaMode mode = resolveMode(config, entities);
        DatabaseServer server = DatabaseServers.obtain(engine, config.settings());
        SchemaKey key = new SchemaKey(engine, server.provider(), mode, "", entities.names(), owner(config, mode));
        return PreparedDatabases.obtain(key, () -> create(server, key, entities));
    }

    /**
     * Who else may share the database. Nobody when the schema is NONE (tests create whatever they like there) or
     * when isolation is NONE (what the class commits stays, and must not leak into classes that expect a clean
     * schema). Under FRESH_DATABASE, only other FRESH_DATABASE classes: the database is a template copied per test,
     * and PostgreSQL copies a template only while nobody is connected to it, which ROLLBACK classes always are.
     */
    private static String owner(ClassConfiguration config, SchemaMode mode) {
        boolean own = mode == SchemaMode.NONE || config.isolation() == io.github.dbtestkit.Isolation.NONE;
        String owner = own ? config.testClass().getName() : "";
        return config.isolation() == io.github.dbtestkit.Isolation.FRESH_DATABASE ? owner + "#template" : owner;
    }

    /** AUTO resolved as DESIGN.md says; other modes checked against what they need. */
    static SchemaMode resolveMode(ClassConfiguration config, EntitySet entities) {
        SchemaMode mode = config.schema();
        if (mode == SchemaMode.AUTO) {
            if (!config.migrations().isEmpty()) {
                mode = SchemaMode.MIGRATIONS;
            } else if (!entities.isEmpty()) {
                mode = SchemaMode.CREATE_ALL;
            } else {
                mode = SchemaMode.NONE;
            }
        }
        if (mode == SchemaMode.CREATE_ALL && entities.isEmpty()) {
            throw new DatabaseTestException("@DatabaseTest(schema = CREATE_ALL) on " + config.testClass().getName()
                    + " has no entities to create tables from: list them in entities = {...} or entityPackages = {...}.");
        }
        if (mode == SchemaMode.MIGRATIONS) {
            throw new DatabaseTestException("@DatabaseTest(schema = MIGRATIONS) is not available in this build.");
        }
        return mode;
    }

    private static PreparedDatabase create(DatabaseServer server, SchemaKey key, EntitySet entities) {
        long start = System.nanoTime();
        DatabaseInstance instance = server.createDatabase(key.databaseName());
        PreparedDatabase prepared = new PreparedDatabase(key, server, instance, server.version(), entities);
        try {
            if (key.mode() == SchemaMode.CREATE_ALL) {
                SessionFactory factory = prepared.sessionFactory();
                try {
                    factory.getSchemaManager().exportMappedObjects(true);
                } catch (RuntimeException e) {
                    throw new DatabaseTestException("CREATE_ALL of " + entities.names() + " failed on "
                            + key.engine().displayName() + ": " + Messages.chain(e), e);
                }
            }
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
        LOG.info("dbtestkit: schema {} ready in database {} ({} ms)", key.describe(), instance.name(),
                (System.nanoTime() - start) / 1_000_000);
        return prepared;
    }
}
