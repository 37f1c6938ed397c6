package io.github.dbtestkit.core.internal.migration;

import liquibase.exception.ChangeLogParseException;
import liquibase.exception.LiquibaseException;

import org.xml.sax.SAXParseException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Liquibase's exceptions into messages that name the changeset, its file, the statement and the database's words. */
final class LiquibaseFailures {

    /** A changeset that failed to apply (or to roll back), as seen by the change listener. */
    record Failed(LiquibaseRunner.ChangeSetId changeSet, boolean rollback, Exception exception) {
    }

    // Liquibase's JdbcExecutor appends the SQL it ran: "... [Failed SQL: (1) ALTER TABLE ...]".
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: (?:\\([^)]*\\) )?(.*)]\\s*$", Pattern.DOTALL);

    private LiquibaseFailures() {
    }

    static MigrationException translate(LiquibaseException failure, String operation, List<Failed> failures,
                                        ResolvedMigrations migrations) {
        String engine = migrations.engine().displayName();
        ChangeLogParseException parse = Failures.find(failure, ChangeLogParseException.class);
        if (parse != null) {
            SAXParseException xml = Failures.find(parse, SAXParseException.class);
            String where = xml != null && xml.getLineNumber() > 0
                    ? " at line " + xml.getLineNumber() + (xml.getSystemId() != null ? " of " + xml.getSystemId() : "")
                    : "";
            return new MigrationException(Failures.sentence("Liquibase cannot parse the changelog "
                    + migrations.resolvedLocation() + where + ": " + Failures.flatten(deepestMessage(parse))), failure);
        }
        if (!failures.isEmpty()) {
            Failed failed = failures.get(failures.size() - 1);
            LiquibaseRunner.ChangeSetId changeSet = failed.changeSet();
            StringBuilder message = new StringBuilder(failed.rollback() ? "Rolling back migration " : "Migration ")
                    .append(changeSet.file()).append(" (changeset ").append(changeSet.id())
                    .append(" by ").append(changeSet.author()).append(") failed on ").append(engine).append(": ");
            String statement = failedStatement(failed.exception());
            if (statement != null) {
                message.append(Failures.abbreviate(statement)).append(" — ");
            }
            message.append(Failures.databaseMessage(failed.exception()));
            return new MigrationException(Failures.sentence(message.toString()), failure);
        }
        return new MigrationException(Failures.sentence("Liquibase could not " + operation + " " + migrations.resolvedLocation()
                + " on " + engine + ": " + Failures.flatten(deepestMessage(failure))), failure);
    }

    private static String failedStatement(Throwable failure) {
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current.getMessage() != null) {
                Matcher matcher = FAILED_SQL.matcher(current.getMessage());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String deepest = null;
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current.getMessage() != null) {
                deepest = current.getMessage();
            }
        }
        return deepest;
    }
}
