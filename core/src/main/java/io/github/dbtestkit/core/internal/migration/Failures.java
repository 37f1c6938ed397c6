package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import java.sql.SQLException;

/** Small helpers shared by the Flyway and Liquibase failure translators. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Failures {

    private static final int STATEMENT_LIMIT = 200;

    private Failures() {
    }

    /** The first throwable of {@code type} in the cause chain, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /** The database's own words: the deepest SQLException's message, else the deepest message at all. */
    public static String databaseMessage(Throwable failure) {
        String deepestSql = null;
        String deepest = null;
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current.getMessage() != null) {
                deepest = current.getMessage();
                if (current instanceof SQLException) {
                    deepestSql = current.getMessage();
                }
            }
        }
        return flatten(deepestSql != null ? deepestSql : deepest);
    }

    /** One line, runs of blanks collapsed, cut with "..." past a readable length. */
    public static String abbreviate(String statement) {
        String flat = flatten(statement);
        return flat.length() <= STATEMENT_LIMIT ? flat : flat.substring(0, STATEMENT_LIMIT) + " ...";
    }

    public static String flatten(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("\\s+", " ");
    }

    /** Ends the message with a full stop unless it already has one. */
    public static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }
}
