package io.github.dbtestkit;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.ProvisioningException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A PostgreSQL server that stands for a user's external one: a cluster dbtestkit starts itself (embedded binaries),
 * switched to password authentication for every role but the superuser, so that a run given its URL, user and
 * password logs in as a real external run does. Tests are skipped, with the reason, where no cluster can start.
 *
 * <pre>{@code
 * PasswordProtectedPostgres server = PasswordProtectedPostgres.start();
 * server.execute("postgres", "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app-s3cret'");
 * }</pre>
 */
final class PasswordProtectedPostgres implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private final DatabaseProvisioner own;
    private final DatabaseServer server;

    private PasswordProtectedPostgres(DatabaseProvisioner own, DatabaseServer server) {
        this.own = own;
        this.server = server;
    }

    /** Starts the cluster and turns password checks on; skips the calling tests when PostgreSQL cannot run here. */
    static PasswordProtectedPostgres start() throws SQLException {
        DatabaseProvisioner own = new DatabaseProvisioner(PostgresSettings.defaults());
        DatabaseServer server;
        try {
            server = own.server(EngineKind.POSTGRESQL);
        } catch (ProvisioningException e) {
            own.close();
            return abort("no PostgreSQL binaries to start a server with: " + e.getMessage());
        }
        PasswordProtectedPostgres started = new PasswordProtectedPostgres(own, server);
        try {
            started.requirePasswords();
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
        return started;
    }

    /**
     * Rewrites the cluster's {@code pg_hba.conf} from inside (the superuser may write the server's files) so that only
     * the superuser is trusted, and reloads it; returns once a wrong password is refused.
     */
    private void requirePasswords() throws SQLException {
        try (Connection admin = superuser("postgres"); Statement statement = admin.createStatement()) {
            String hbaFile;
            try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            statement.execute("CREATE ROLE password_probe LOGIN PASSWORD 'probe-s3cret'");
            statement.execute("COPY (SELECT unnest(ARRAY['local all " + SUPERUSER + " trust', 'host all " + SUPERUSER
                    + " 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256'])) TO '" + hbaFile.replace("'", "''") + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
        // the postmaster rereads the file on SIGHUP, usually before the next connection; give it up to ten seconds
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(), "password_probe", "wrong")) {
                Thread.onSpinWait();
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) {
                    execute("postgres", "DROP ROLE password_probe");
                    return;
                }
                throw refused;
            }
        }
        throw new IllegalStateException("PostgreSQL at " + server.jdbcUrl() + " still lets a wrong password in after reloading pg_hba.conf");
    }

    /** The URL of {@code database} on this server. */
    String url(String database) {
        return server.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    }

    /** Runs {@code sql} as the superuser in {@code database}. */
    void execute(String database, String... sql) throws SQLException {
        try (Connection admin = superuser(database); Statement statement = admin.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** The first column of every row {@code sql} returns, run as the superuser in {@code database}. */
    List<String> query(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection admin = superuser(database); PreparedStatement query = admin.prepareStatement(sql);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), SUPERUSER, "");
    }

    /** Stops the cluster and deletes its files. */
    @Override
    public void close() {
        own.close();
    }
}
