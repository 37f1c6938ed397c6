package io.github.dbtestkit.core.internal.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Flyway on one database: Flyway's own validation stays on and {@code clean} stays disabled. */
final class FlywayRunner implements MigrationRunner {

    private final ResolvedMigrations migrations;
    private final DataSource dataSource;

    FlywayRunner(ResolvedMigrations migrations, DataSource dataSource) {
        this.migrations = migrations;
        this.dataSource = dataSource;
    }

    @Override
    public List<String> versions() {
        return translated(() -> versionsOf(configuration().load().info().all()));
    }

    @Override
    public List<String> appliedVersions() {
        return translated(() -> versionsOf(configuration().load().info().applied()));
    }

    @Override
    public void migrateAll() {
        translated(() -> configuration().load().migrate());
    }

    @Override
    public void migrateTo(String version) {
        List<String> versions = versions();
        if (!versions.contains(version)) {
            throw MigrationRunner.unknownVersion(version, versions, migrations);
        }
        translated(() -> configuration().target(version).load().migrate());
    }

    /** Flyway itself finds duplicates when it resolves the scripts, without touching the schema. */
    @Override
    public List<String> duplicates() {
        try {
            configuration().load().info();
            return List.of();
        } catch (FlywayException e) {
            if (e.getErrorCode() == CoreErrorCode.DUPLICATE_VERSIONED_MIGRATION
                    || e.getErrorCode() == CoreErrorCode.DUPLICATE_REPEATABLE_MIGRATION) {
                return List.of(Failures.flatten(e.getMessage()));
            }
            throw FlywayFailures.translate(e, migrations);
        }
    }

    @Override
    public void rollbackLast() {
        throw new MigrationException("Rolling back is a Liquibase feature: " + migrations.resolvedLocation()
                + " is a Flyway folder, and Flyway's undo migrations are not in its free edition.");
    }

    private FluentConfiguration configuration() {
        return Flyway.configure(migrations.classLoader())
                .dataSource(dataSource)
                .locations(migrations.flywayLocation())
                .failOnMissingLocations(true)
                // A misnamed script (create_users.sql) is an error rather than a silently skipped migration.
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }

    private static List<String> versionsOf(MigrationInfo[] infos) {
        return Arrays.stream(infos)
                .filter(info -> info.getVersion() != null && info.isVersioned())
                .map(info -> info.getVersion().getVersion())
                .distinct()
                .toList();
    }

    private <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e, migrations);
        }
    }
}
