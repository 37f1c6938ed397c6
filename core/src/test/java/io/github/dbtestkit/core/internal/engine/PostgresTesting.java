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

    /**
     * What a running cluster is, asked of the server itself: its port from the URL, its data directory from
     * {@code SHOW data_directory}, and the postmaster's pid from that directory's {@code postmaster.pid}.
     *
     * @param pid       the postmaster's process id
     * @param port      the port it listens on
     * @param directory the cluster's own folder (the data directory's parent)
     */
    record ClusterFacts(long pid, int port, Path directory) {
    }

    static ClusterFacts facts(PostgresServer server) throws SQLException, IOException {
        int port = Integer.parseInt(server.jdbcUrl().replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             ResultSet rs = admin.createStatement().executeQuery("SHOW data_directory")) {
            rs.next();
            Path dataDir = Path.of(rs.getString(1));
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return new ClusterFacts(pid, port, dataDir.getParent());
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
