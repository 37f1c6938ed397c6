package io.github.dbtestkit.internal.isolation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A connection handed to a test or to code under test: it looks like a fresh pooled connection, but it is a view of
 * the {@link TestTransaction}'s physical connection, and transaction control is turned into savepoint moves.
 *
 * <p>{@code commit()} keeps the work (until the test ends); {@code rollback()} undoes work since the last commit point;
 * {@code setAutoCommit(true)} commits, as JDBC says; {@code close()} rolls back uncommitted manual-mode work, as pools
 * do, and leaves the physical connection open. Isolation level and read-only flags are remembered per view but not
 * applied, because changing them inside a running transaction is an error on PostgreSQL.
 */
final class ConnectionView implements InvocationHandler {

    private static final Set<String> EXECUTE_METHODS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final TestTransaction transaction;
    private final Connection proxy;
    private final List<Statement> statements = new ArrayList<>();
    private boolean autoCommit;
    private boolean dirty;
    private boolean closed;
    private boolean readOnly;
    private int transactionIsolation = -1;

    ConnectionView(TestTransaction transaction, boolean autoCommit) {
        this.transaction = transaction;
        this.autoCommit = autoCommit;
        this.proxy = (Connection) Proxy.newProxyInstance(
                ConnectionView.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
    }

    Connection proxy() {
        return proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "dbtestkit test connection view (" + (closed ? "closed" : autoCommit ? "auto-commit" : "manual") + ")";
            case "isClosed":
                return closed || transaction.isClosed();
            case "close":
                close();
                return null;
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || transaction.physical().isWrapperFor((Class<?>) args[0]);
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : transaction.physical().unwrap((Class<?>) args[0]);
            case "isValid":
                return !closed && !transaction.isClosed();
            case "abort":
                close();
                return null;
            default:
                break;
        }
        ensureOpen();
        switch (name) {
            case "getAutoCommit":
                return autoCommit;
            case "setAutoCommit":
                setAutoCommit((Boolean) args[0]);
                return null;
            case "commit":
                if (!autoCommit) {
                    transaction.commit();
                    dirty = false;
                }
                return null;
            case "rollback":
                if (args == null || args.length == 0) {
                    if (!autoCommit) {
                        transaction.rollbackToCommitPoint();
                        dirty = false;
                    }
                    return null;
                }
                break;
            case "getTransactionIsolation":
                if (transactionIsolation >= 0) {
                    return transactionIsolation;
                }
                break;
            case "setTransactionIsolation":
                transactionIsolation = (Integer) args[0];
                return null;
            case "isReadOnly":
                return readOnly;
            case "setReadOnly":
                readOnly = (Boolean) args[0];
                return null;
            default:
                break;
        }
        Object result = delegate(transaction.physical(), method, args);
        if (result instanceof Statement statement) {
            Statement wrapped = wrapStatement(statement);
            statements.add(statement);
            return wrapped;
        }
        return result;
    }

    private void setAutoCommit(boolean on) throws SQLException {
        if (on == autoCommit) {
            return;
        }
        if (on) {
            // JDBC: switching auto-commit on commits the current transaction
            transaction.commit();
            dirty = false;
        }
        autoCommit = on;
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (Statement statement : statements) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the statement belongs to the physical connection, which stays usable
            }
        }
        statements.clear();
        if (!transaction.isClosed()) {
            if (dirty && !autoCommit) {
                transaction.rollbackToCommitPoint();
            }
            transaction.viewClosed(this);
        }
    }

    void invalidate() {
        closed = true;
        statements.clear();
    }

    private void ensureOpen() throws SQLException {
        if (closed || transaction.isClosed()) {
            throw new SQLException("This connection is closed" + (transaction.isClosed() ? ": the test that owned it has ended." : "."), "08003");
        }
    }

    private Statement wrapStatement(Statement statement) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(ConnectionView.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    String name = method.getName();
                    if (name.equals("getConnection")) {
                        return proxy;
                    }
                    if (name.equals("equals")) {
                        return self == args[0];
                    }
                    if (name.equals("hashCode")) {
                        return System.identityHashCode(self);
                    }
                    if (EXECUTE_METHODS.contains(name)) {
                        ensureOpen();
                        transaction.beforeStatement(autoCommit);
                        if (!autoCommit) {
                            dirty = true;
                        }
                    }
                    if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
                        return self;
                    }
                    return delegate(statement, method, args);
                });
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
