package io.github.dbtestkit.core.internal.engine;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AdminConnectionsTest {

    private final List<Connection> opened = new ArrayList<>();
    private final DriverDataSource h2 = new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:", new Properties());
    private final AdminConnections connections = new AdminConnections(() -> {
        Connection connection = h2.getConnection();
        opened.add(connection);
        return connection;
    });

    @Test
    void aConnectionHandedBackServesTheNextCaller() throws SQLException {
        Connection first;
        try (AdminConnections.Lease lease = connections.lease()) {
            first = lease.connection();
            assertThat(lease.reused()).isFalse();
        }
        try (AdminConnections.Lease lease = connections.lease()) {
            assertThat(lease.connection()).isSameAs(first);
            assertThat(lease.reused()).isTrue();
        }
        assertThat(opened).hasSize(1);
        connections.close();
    }

    @Test
    void callersAtTheSameTimeGetConnectionsOfTheirOwn() throws SQLException {
        try (AdminConnections.Lease one = connections.lease(); AdminConnections.Lease two = connections.lease()) {
            assertThat(one.connection()).isNotSameAs(two.connection());
        }
        assertThat(opened).hasSize(2);
        connections.close();
        assertThat(opened).allMatch(AdminConnectionsTest::isClosed);
    }

    @Test
    void aConnectionThatFailedWithAConnectionErrorIsReplaced() throws SQLException {
        Connection broken;
        try (AdminConnections.Lease lease = connections.lease()) {
            broken = lease.connection();
            SQLException e = lease.failed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            assertThat(e.getSQLState()).isEqualTo("08006");
        }
        assertThat(isClosed(broken)).isTrue();
        try (AdminConnections.Lease lease = connections.lease()) {
            assertThat(lease.connection()).isNotSameAs(broken);
            assertThat(lease.reused()).isFalse();
        }
        connections.close();
    }

    @Test
    void aConnectionThatFailedWithAStatementErrorIsKept() throws SQLException {
        Connection kept;
        try (AdminConnections.Lease lease = connections.lease()) {
            kept = lease.connection();
            lease.failed(new SQLException("database \"x\" already exists", "42P04"));
        }
        try (AdminConnections.Lease lease = connections.lease()) {
            assertThat(lease.connection()).isSameAs(kept);
        }
        connections.close();
    }

    @Test
    void aConnectionClosedWhileIdleIsNotHandedOut() throws SQLException {
        Connection closed;
        try (AdminConnections.Lease lease = connections.lease()) {
            closed = lease.connection();
        }
        closed.close();
        try (AdminConnections.Lease lease = connections.lease()) {
            assertThat(lease.connection()).isNotSameAs(closed);
        }
        connections.close();
    }

    @Test
    void keepsAtMostMaxIdleConnectionsAndClosesTheRest() throws SQLException {
        List<AdminConnections.Lease> leases = new ArrayList<>();
        for (int i = 0; i < AdminConnections.MAX_IDLE + 2; i++) {
            leases.add(connections.lease());
        }
        leases.forEach(AdminConnections.Lease::close);
        assertThat(opened.stream().filter(AdminConnectionsTest::isClosed)).hasSize(2);
        connections.close();
        assertThat(opened).allMatch(AdminConnectionsTest::isClosed);
    }

    @Test
    void aConnectionHandedBackAfterCloseIsClosed() throws SQLException {
        AdminConnections.Lease lease = connections.lease();
        connections.close();
        lease.close();
        assertThat(isClosed(lease.connection())).isTrue();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
