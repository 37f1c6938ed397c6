package io.github.dbtestkit.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Migrations;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.migration.MigrationRunner;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;

/**
 * {@link Migrations} backed by one tool's runner on a database of its own. A migration that fails reaches the test as
 * a {@link DatabaseTestException} with the runner's message (the file and line at fault).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunnerMigrations implements Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerMigrations.class);

    private final ResolvedMigrations migrations;
    private final MigrationRunner runner;
    private final DataSource dataSource;

    /**
     * The {@link Migrations} of a location on {@code dataSource}, which should start empty and belong to the caller.
     *
     * @throws io.github.dbtestkit.core.internal.migration.MigrationException when the tool is missing
     */
    public static Migrations of(ResolvedMigrations migrations, DataSource dataSource) {
        return new RunnerMigrations(migrations, Migrator.standard().runner(migrations, dataSource), dataSource);
    }

    RunnerMigrations(ResolvedMigrations migrations, MigrationRunner runner, DataSource dataSource) {
        this.migrations = migrations;
        this.runner = runner;
        this.dataSource = dataSource;
    }

    @Override
    public List<String> versions() {
        return runner.versions();
    }

    @Override
    public void migrateTo(String version) {
        try {
            if (version == null) {
                throw MigrationRunner.unknownVersion(null, runner.versions(), migrations);
            }
            runner.migrateTo(version);
        } catch (ProvisioningException e) {
            throw new DatabaseTestException(e.getMessage(), e);
        }
        LOG.info("Migrated {} on {} to version {}", migrations, migrations.engine().displayName(), version);
    }

    @Override
    public void migrateAll() {
        try {
            runner.migrateAll();
        } catch (ProvisioningException e) {
            throw new DatabaseTestException(e.getMessage(), e);
        }
        LOG.info("Migrated {} on {} to its latest version", migrations, migrations.engine().displayName());
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String toString() {
        return "Migrations of " + migrations + " on " + migrations.engine().displayName();
    }
}
