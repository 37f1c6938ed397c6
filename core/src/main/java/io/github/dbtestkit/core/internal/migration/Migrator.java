package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Applies a {@link ResolvedMigrations} to a database with Flyway or Liquibase, and hands out {@link MigrationRunner}s for
 * tests of the migrations themselves. A failing migration becomes a {@link MigrationException} whose message names the
 * script or changeset, its version, the failing statement and the database's own message.
 *
 * <pre>{@code
 * ResolvedMigrations resolved = MigrationLocation.parse("classpath:db/migration").resolve(Engine.H2, loader);
 * Migrator.standard().apply(resolved, dataSource);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
    public static Migrator with(MigrationDependencies dependencies) {
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
     * The tool's runner for {@code migrations} on {@code dataSource}, for stepping through them one at a time.
     *
     * @throws MigrationException when the tool is missing
     */
    public MigrationRunner runner(ResolvedMigrations migrations, DataSource dataSource) {
        dependencies.require(migrations.tool(), migrations.engine());
        // The runners are only loaded here, after the check, so a missing tool never surfaces as NoClassDefFoundError.
        return migrations.tool() == MigrationTool.FLYWAY
                ? new FlywayRunner(migrations, dataSource)
                : new LiquibaseRunner(migrations, dataSource);
    }
}
