package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static io.github.dbtestkit.core.internal.engine.LocalAndExternalPostgresTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An external server that refuses, or cannot be reached: a local cluster started here with password authentication
 * (the local provider's clusters trust every login otherwise) stands for the user's server.
 */
class ExternalServerFaultsTest {

    @TempDir
    static Path hba;
    private static PostgresServer server;

    @BeforeAll
    static void startAServerThatChecksPasswords() throws Exception {
        Optional<Path> bin = LocalBinaries.current().find(Optional.empty());
        assumeTrue(bin.isPresent(), "no PostgreSQL installed on this machine");
        Path hbaFile = hba.resolve("pg_hba.conf");
        Files.writeString(hbaFile, """
                local all postgres trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        PostgresCluster.Options options = new PostgresCluster.Options(Map.of("hba_file", hbaFile.toString()),
                Path.of(System.getProperty("java.io.tmpdir")));
        server = PostgresProviders.startCluster(Provider.LOCAL, bin.get(), settings(Map.of()), options);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            execute(admin, "CREATE ROLE app LOGIN PASSWORD 'app-s3cret' CREATEDB");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static PostgresSettings external(String url, String user, String password) {
        return settings(Map.of("dbtestkit.postgresql.url", url, "dbtestkit.postgresql.username", user,
                "dbtestkit.postgresql.password", password));
    }

    @Test
    void theRightPasswordLogsIn() {
        PostgresServer external = (PostgresServer) ExternalPostgres.start(external(server.jdbcUrl(), "app", "app-s3cret"));
        external.close();
    }

    @Test
    void aWrongPasswordNamesTheUserAndTheSettingsToCheckButNotThePassword() {
        assertThatThrownBy(() -> ExternalPostgres.start(external(server.jdbcUrl(), "app", "wrong-s3cret")))
                .hasMessageStartingWith("PostgreSQL (external) at " + server.jdbcUrl() + " refused the login of user 'app': ")
                .hasMessageContaining("password authentication failed for user \"app\"")
                .hasMessageEndingWith("check dbtestkit.postgresql.username and dbtestkit.postgresql.password (or "
                        + "DBTESTKIT_POSTGRESQL_PASSWORD), and that pg_hba.conf lets this user in from this machine.")
                .message().doesNotContain("wrong-s3cret").doesNotContain("app-s3cret");
    }

    @Test
    void aPasswordInTheUrlIsMaskedToo() {
        String url = server.jdbcUrl() + "?password=wrong-s3cret";

        assertThatThrownBy(() -> ExternalPostgres.start(external(url, "app", "")))
                .hasMessageStartingWith("PostgreSQL (external) at " + server.jdbcUrl() + "?password=*** refused the login of user 'app'")
                .message().doesNotContain("wrong-s3cret");
    }

    @Test
    void aClosedPortFailsAtOnceAndSaysWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/postgres";

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowable(() -> ExternalPostgres.start(external(url, "app", "app-s3cret"))));

        assertThat(failure).hasMessageStartingWith("PostgreSQL (external) at " + url + " does not answer: ")
                .hasMessageContaining("refused")
                .hasMessageEndingWith(" — check the host and port in dbtestkit.postgresql.url, and that the server runs.");
    }

    @Test
    void aHostThatDropsPacketsFailsWithinTheConnectTimeout() {
        // 10.255.255.1 is routed nowhere: a connect either times out or is refused by the network at once
        String url = "jdbc:postgresql://10.255.255.1:5432/postgres?connectTimeout=1";

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowable(() -> ExternalPostgres.start(external(url, "app", "app-s3cret"))));

        assertThat(failure).hasMessageStartingWith("PostgreSQL (external) at " + url + " does not answer")
                .hasMessageContaining("check the host and port in dbtestkit.postgresql.url");
    }

    @Test
    void withoutConnectTimeoutInTheUrlTheDefaultIsFiveSeconds() {
        SQLException timedOut = new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("Connect timed out"));

        assertThat(PostgresServer.connectFailure(Provider.EXTERNAL, "jdbc:postgresql://db.example:5432/postgres", "app", "", timedOut))
                .isEqualTo("PostgreSQL (external) at jdbc:postgresql://db.example:5432/postgres does not answer within 5 s "
                        + "(connectTimeout): The connection attempt failed. — check the host and port in dbtestkit.postgresql.url, "
                        + "and that no firewall drops the connection; set connectTimeout=<seconds> in the URL to wait longer.");
    }
}
