package io.github.dbtestkit.core.internal.migration;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/** Turns Flyway's exceptions into messages that name the script, its version, the statement and the database's words. */
final class FlywayFailures {

    private FlywayFailures() {
    }

    static MigrationException translate(FlywayException failure, ResolvedMigrations migrations) {
        String engine = migrations.engine().displayName();
        if (failure instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
            MigrationInfo info = migrate.getMigration();
            String version = info.getVersion() == null ? "repeatable" : "version " + info.getVersion().getVersion();
            FlywaySqlScriptException script = Failures.find(failure, FlywaySqlScriptException.class);
            int line = script != null ? script.getLineNumber() : migrate.getLineNumber();
            StringBuilder message = new StringBuilder("Migration ").append(info.getScript())
                    .append(" (").append(version).append(") failed on ").append(engine);
            if (line > 0) {
                message.append(" at line ").append(line);
            }
            message.append(": ");
            if (script != null && script.getStatement() != null) {
                message.append(Failures.abbreviate(script.getStatement())).append(" — ");
            }
            message.append(Failures.databaseMessage(failure));
            return new MigrationException(Failures.sentence(message.toString()), failure);
        }
        return new MigrationException(Failures.sentence("Flyway could not migrate " + migrations.resolvedLocation()
                + " on " + engine + ": " + Failures.flatten(failure.getMessage())), failure);
    }
}
