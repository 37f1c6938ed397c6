package io.github.dbtestkit.migration;

import io.github.dbtestkit.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Applies a {@link ResolvedMigrations} to a database with Flyway or Liquibase, and hands out {@link Migrations} for
 * tests of the migrations themselves. A failing migration becomes a {@link MigrationException} whose message names the
 * script or changeset, its version, the failing statement and the database's own message.
 *
 * <pre>{@code
 * ResolvedMigrations resolved = MigrationLocation.parse("classpath:db/migration").resolve(Engine.H2, loader);
 * Migrator.standard().apply(resolved, dataSource);
 * }</pre>
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final MigrationDependencies dependencies;

    private Migrator(MigrationDependencies dependencies) {
        this.dependencies = dependencies;
    }

    /** A migrator that finds Flyway and Liquibase on dbtestkit's own classpath. */
    public static Migrator standard() {
        return new Migrator(MigrationDependencies.onClasspath());
    }

    /** For tests: a migrator that believes only the classes {@code dependencies} says are there. */
    static Migrator with(MigrationDependencies dependencies) {
        return new Migrator(dependencies);
    }

    /**
     * Applies every pending migration.
     *
     * @throws MigrationException when the tool is missing or a migration fails
     */
    public void apply(ResolvedMigrations migrations, DataSource dataSource) {
        runner(migrations, dataSource).migrateAll();
        LOG.info("Applied {} on {}", migrations, migrations.engine().displayName());
    }

    /**
     * The {@link Migrations} of a location on {@code dataSource}, which should start empty and belong to the caller
     * (who closes it).
     */
    public Migrations migrations(ResolvedMigrations migrations, DataSource dataSource) {
        return new RunnerMigrations(migrations, runner(migrations, dataSource), dataSource);
    }

    MigrationRunner runner(ResolvedMigrations migrations, DataSource dataSource) {
        dependencies.require(migrations.tool(), migrations.engine());
        // The runners are only loaded here, after the check, so a missing tool never surfaces as NoClassDefFoundError.
        return migrations.tool() == MigrationTool.FLYWAY
                ? new FlywayRunner(migrations, dataSource)
                : new LiquibaseRunner(migrations, dataSource);
    }
}
