package io.github.dbtestkit.benchmarks.migration;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

/**
 * The baseline of {@code migration-scaling}: the migration tool's own API, as its documentation shows it, migrating
 * a database with no dbtestkit involved. Liquibase runs with analytics off, its console output sent to the log and its
 * log at WARNING, as a test suite would configure it (and as dbtestkit does).
 *
 * <pre>{@code
 * ToolAlone.migrate(GeneratedMigrations.FLYWAY, database.dataSource(), folder);
 * }</pre>
 */
final class ToolAlone {

    /**
     * Liquibase logs through java.util.logging by default, at INFO, to the console: quieted to WARNING, as dbtestkit's
     * runs are (they log through SLF4J at WARN here), so the baseline does not pay for printing what the other side
     * does not. Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private ToolAlone() {
    }

    /** Applies every migration {@code tool} finds at {@code location} (a Flyway folder or a changelog file). */
    static void migrate(GeneratedMigrations tool, DataSource dataSource, Path location) throws Exception {
        if (tool == GeneratedMigrations.FLYWAY) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("filesystem:" + location.toAbsolutePath())
                    .load()
                    .migrate();
            return;
        }
        try (DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(location.getParent())) {
            Map<String, Object> scope = Map.of(
                    AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(), accessor);
            Scope.child(scope, () -> {
                Connection connection = dataSource.getConnection();
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(location.getFileName().toString(), accessor, database)) {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            });
        }
    }
}
