package io.github.dbtestkit.core.internal.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checks shared by the PostgreSQL tests. */
final class PostgresTesting {

    private PostgresTesting() {
    }

    static boolean databaseExists(PostgresServer server, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether any process on the machine mentions {@code dir} on its command line, e.g. a postmaster's -D. */
    static boolean anyProcessMentions(Path dir) {
        String needle = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .anyMatch(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false));
    }
}
