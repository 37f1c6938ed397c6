package io.github.dbtestkit.internal.setup;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Gives a test class's run on one engine its database: decides the schema mode, and applies the schema once per
 * {@link SchemaKey} (create_all through Hibernate's schema tooling, or the project's migrations).
 *
 * <pre>{@code
 * PreparedDatabase db = SchemaSetup.prepare(Engine.H2, classConfiguration, provisioner);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaSetup.class);

    private SchemaSetup() {
    }

    /** The prepared database for {@code config}'s class on {@code engine}, from the cache when possible. */
    public static PreparedDatabase prepare(Engine engine, ClassConfiguration config, DatabaseProvisioner provisioner) {
        EntitySet entities = EntityResolution.resolve(config);
        Optional<MigrationLocation> location = migrationLocation(config);
        SchemaMode mode = resolveMode(config, entities, location.isPresent());
        ResolvedMigrations migrations = mode == SchemaMode.MIGRATIONS ? resolve(config, location, engine) : null;
        DatabaseServer server = provisioner.server(engine.kind());
        String fingerprint = migrations == null ? "" : migrations.resolvedLocation() + "@" + migrations.checksum();
        SchemaKey key = new SchemaKey(engine, server.provider(), mode, fingerprint, entities.names(),
                config.hibernateProperties(), sharing(config, mode));
        return provisioner.prepared().obtain(key, PreparedDatabase.class,
                () -> create(server, key, entities, migrations, config.settings().reportDir()));
    }

    /**
     * The class's migrations resolved for {@code engine}, for injecting {@link io.github.dbtestkit.Migrations}.
     *
     * @throws DatabaseTestException when the class has no migrations
     */
    public static ResolvedMigrations migrationsFor(Engine engine, ClassConfiguration config) {
        Optional<MigrationLocation> location = migrationLocation(config);
        if (location.isEmpty()) {
            throw new DatabaseTestException("Migrations can only be injected into a class with migrations: set "
                    + "@DatabaseTest(migrations = \"classpath:db/migration\") on " + config.testClass().getName()
                    + ", or put them in db/migration or db/changelog on the classpath.");
        }
        return resolve(config, location, engine);
    }

    /** The location written in the annotation, else the one found on the classpath under AUTO. */
    private static Optional<MigrationLocation> migrationLocation(ClassConfiguration config) {
        try {
            if (!config.migrations().isEmpty()) {
                return Optional.of(MigrationLocation.parse(config.migrations()));
            }
            if (config.schema() == SchemaMode.AUTO || config.schema() == SchemaMode.MIGRATIONS) {
                return MigrationLocation.detect(config.testClass().getClassLoader());
            }
            return Optional.empty();
        } catch (MigrationException e) {
            throw new DatabaseTestException(e.getMessage() + " (in @DatabaseTest on " + config.testClass().getName() + ")", e);
        }
    }

    private static ResolvedMigrations resolve(ClassConfiguration config, Optional<MigrationLocation> location, Engine engine) {
        if (location.isEmpty()) {
            throw new DatabaseTestException("@DatabaseTest(schema = MIGRATIONS) on " + config.testClass().getName()
                    + " needs migrations: set migrations = \"classpath:db/migration\" (a Flyway folder) or a Liquibase"
                    + " changelog file, or put them in db/migration or db/changelog on the classpath.");
        }
        try {
            return location.get().resolve(engine.kind(), config.testClass().getClassLoader());
        } catch (MigrationException e) {
            throw new DatabaseTestException(e.getMessage(), e);
        }
    }

    /**
     * Who else may share the database. Nobody when the schema is NONE (tests create whatever they like there) or
     * when isolation is NONE (what the class commits stays, and must not leak into classes that expect a clean
     * schema). Under FRESH_DATABASE, only other FRESH_DATABASE classes: the database is a template copied per test,
     * and PostgreSQL copies a template only while nobody is connected to it, which ROLLBACK classes always are.
     */
    private static SchemaKey.Sharing sharing(ClassConfiguration config, SchemaMode mode) {
        boolean own = mode == SchemaMode.NONE || config.isolation() == io.github.dbtestkit.Isolation.NONE;
        return new SchemaKey.Sharing(own ? Optional.of(config.testClass().getName()) : Optional.empty(),
                config.isolation() == io.github.dbtestkit.Isolation.FRESH_DATABASE);
    }

    /** AUTO resolved as DESIGN.md says; other modes checked against what they need. */
    static SchemaMode resolveMode(ClassConfiguration config, EntitySet entities, boolean hasMigrations) {
        SchemaMode mode = config.schema();
        if (mode == SchemaMode.AUTO) {
            if (hasMigrations) {
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
        return mode;
    }

    private static PreparedDatabase create(DatabaseServer server, SchemaKey key, EntitySet entities,
                                           ResolvedMigrations migrations, java.nio.file.Path reportDir) {
        long start = System.nanoTime();
        // Migrations decide the schema alone, so a server may keep it across runs (PostgreSQL's template cache);
        // the half-migrated database of a failure is dropped, so no later class sees it.
        DatabaseInstance instance = key.mode() == SchemaMode.MIGRATIONS
                ? server.createDatabase(key.newDatabaseName(), "migrations " + key.migrations(), empty -> migrate(migrations, empty))
                : server.createDatabase(key.newDatabaseName());
        PreparedDatabase prepared = new PreparedDatabase(key, server, instance, server.version(), entities, reportDir);
        try {
            if (key.mode() == SchemaMode.CREATE_ALL) {
                // from the metadata alone: the SessionFactory is built only if a test asks for one
                prepared.hibernate().createSchema();
            }
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
        LOG.info("dbtestkit: schema {} ready in database {} ({} ms)", key.describe(), instance.name(),
                (System.nanoTime() - start) / 1_000_000);
        return prepared;
    }

    private static void migrate(ResolvedMigrations migrations, DatabaseInstance empty) {
        try {
            Migrator.standard().apply(migrations, empty.dataSource());
        } catch (MigrationException e) {
            throw new DatabaseTestException(e.getMessage(), e);
        }
    }
}
