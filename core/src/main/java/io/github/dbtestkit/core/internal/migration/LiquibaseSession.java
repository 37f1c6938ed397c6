package io.github.dbtestkit.core.internal.migration;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import javax.sql.DataSource;
import java.io.FileNotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * One Liquibase operation on one connection, inside a Liquibase scope that turns analytics off (no network call),
 * sends console output and logging to SLF4J, and reads the changelog from the resolved location.
 */
final class LiquibaseSession {

    /** What to do with an open {@link Liquibase}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Liquibase liquibase) throws LiquibaseException;
    }

    private LiquibaseSession() {
    }

    /** Scope values that keep Liquibase quiet and offline (LiquibaseOfflineTest proves the "offline" part). */
    static Map<String, Object> scopeValues(ResourceAccessor accessor) {
        return Map.of(
                AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.logService.name(), new Slf4jLogService(),
                Scope.Attr.resourceAccessor.name(), accessor);
    }

    static <T> T run(ResolvedMigrations migrations, DataSource dataSource, Work<T> work) throws LiquibaseException {
        try (ResourceAccessor accessor = accessor(migrations)) {
            return Scope.child(scopeValues(accessor), () -> {
                Connection connection = dataSource.getConnection();
                Liquibase liquibase = null;
                try {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    liquibase = new Liquibase(migrations.changelogPath(), accessor, database);
                    return work.run(liquibase);
                } finally {
                    if (liquibase != null) {
                        liquibase.close(); // closes the database, and with it the connection
                    } else {
                        connection.close();
                    }
                }
            });
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new MigrationException("Cannot connect to the " + migrations.engine().displayName()
                    + " database to run Liquibase: " + Failures.flatten(e.getMessage()), e);
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    private static ResourceAccessor accessor(ResolvedMigrations migrations) {
        if (migrations.onClasspath()) {
            return new ClassLoaderResourceAccessor(migrations.classLoader());
        }
        try {
            return new DirectoryResourceAccessor(migrations.changelogFolder());
        } catch (FileNotFoundException e) {
            throw new MigrationException("Migration location " + migrations.resolvedLocation() + " does not exist: there is no folder "
                    + migrations.changelogFolder() + ".", e);
        }
    }
}
