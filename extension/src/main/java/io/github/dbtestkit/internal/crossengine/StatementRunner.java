package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.EngineOutcome;
import io.github.dbtestkit.core.Messages;
import org.apiguardian.api.API;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one statement on one engine inside a savepoint, and turns what happened into an {@link EngineOutcome}: a
 * refused statement is rolled back to the savepoint, so the engine's transaction stays usable (PostgreSQL aborts a
 * transaction after an error otherwise).
 *
 * <pre>{@code
 * EngineOutcome outcome = StatementRunner.sql(h2, "select 7 / ?", new Object[] {2});
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class StatementRunner {

    private StatementRunner() {
    }

    static EngineOutcome sql(EngineConnection side, String sql, Object[] parameters) {
        Connection connection = side.connection();
        return inSavepoint(side, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                if (statement.execute()) {
                    try (ResultSet rows = statement.getResultSet()) {
                        return read(side, rows);
                    }
                }
                return EngineOutcome.updated(side.engine(), statement.getUpdateCount());
            }
        });
    }

    static EngineOutcome jpql(EngineConnection side, String jpql, Object[] parameters) {
        return inSavepoint(side, () -> {
            try (Session session = side.sessionFactory().get().withOptions().connection(side.connection()).openSession()) {
                SelectionQuery<Object> query = session.createSelectionQuery(jpql, Object.class);
                for (int i = 0; i < parameters.length; i++) {
                    query.setParameter(i + 1, parameters[i]);
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Object result : query.getResultList()) {
                    rows.add(result instanceof Object[] values ? Arrays.asList(values) : java.util.Collections.singletonList(result));
                }
                return EngineOutcome.rows(side.engine(), List.of(), rows);
            }
        });
    }

    private interface Work {
        EngineOutcome run() throws Exception;
    }

    private static EngineOutcome inSavepoint(EngineConnection side, Work work) {
        Connection connection = side.connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a savepoint on " + side.engine().displayName()
                    + " for the cross-engine statement: " + e.getMessage(), e);
        }
        try {
            EngineOutcome outcome = work.run();
            connection.releaseSavepoint(savepoint);
            return outcome;
        } catch (Exception e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            SQLException cause = sqlCause(e);
            if (cause == null) {
                // not the engine's answer but the statement's fault (a JPQL mistake): the same on every engine
                throw new IllegalArgumentException("The cross-engine statement cannot run on "
                        + side.engine().displayName() + ": " + Messages.chain(e), e);
            }
            return EngineOutcome.failed(side.engine(), cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "), cause.getSQLState());
        }
    }

    private static EngineOutcome read(EngineConnection side, ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> values = new ArrayList<>();
        while (rows.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rows.getObject(i));
            }
            values.add(row);
        }
        return EngineOutcome.rows(side.engine(), columns, values);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
