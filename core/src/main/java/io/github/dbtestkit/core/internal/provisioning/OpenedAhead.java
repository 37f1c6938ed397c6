package io.github.dbtestkit.core.internal.provisioning;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A clone's data source whose first {@link #getConnection()} returns the connection {@link ClonePool}'s filler opened
 * ahead, if it is still open; every other call opens a new one. The connection is the clone's own (its drop closes it
 * when nobody used it).
 */
final class OpenedAhead implements DataSource {

    private final DataSource delegate;
    private final AtomicReference<Connection> ahead;

    OpenedAhead(DataSource delegate, Connection ahead) {
        this.delegate = delegate;
        this.ahead = new AtomicReference<>(ahead);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection first = ahead.getAndSet(null);
        if (first != null && !first.isClosed()) {
            return first;
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
