package io.github.dbtestkit.migration;

import io.github.dbtestkit.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;

/** {@link Migrations} backed by one tool's runner on a database of its own. */
final class RunnerMigrations implements Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerMigrations.class);

    private final ResolvedMigrations migrations;
    private final MigrationRunner runner;
    private final DataSource dataSource;

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
        if (version == null) {
            throw MigrationRunner.unknownVersion(null, runner.versions(), migrations);
        }
        runner.migrateTo(version);
        LOG.info("Migrated {} on {} to version {}", migrations, migrations.engine().displayName(), version);
    }

    @Override
    public void migrateAll() {
        runner.migrateAll();
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
