package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static io.github.dbtestkit.core.internal.engine.H2ServerTest.count;
import static io.github.dbtestkit.core.internal.engine.H2ServerTest.execute;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.databaseExists;
import static io.github.dbtestkit.core.internal.engine.PostgresTesting.portAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local provider on the PostgreSQL installed on this machine, reached through a provisioner, and the
 * external provider pointed at that server.
 */
class LocalAndExternalPostgresTest {

    private static PostgresServer local;
    private static DatabaseProvisioner provisioner;

    @BeforeAll
    static void startLocal() {
        assumeTrue(LocalBinaries.current().find(Optional.empty()).isPresent(), "no PostgreSQL installed on this machine");
        provisioner = new DatabaseProvisioner(settings(Map.of("dbtestkit.postgresql.provider", "local")));
        local = (PostgresServer) provisioner.server(EngineKind.POSTGRESQL);
        try (Connection admin = adminConnection()) {
            execute(admin, "CREATE ROLE app LOGIN PASSWORD 'app-s3cret' CREATEDB", "CREATE ROLE reader LOGIN PASSWORD 'reader-s3cret'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopAll() {
        if (provisioner != null) {
            provisioner.close();
        }
    }

    static PostgresSettings settings(Map<String, String> values) {
        return PostgresSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(local.jdbcUrl(), "postgres", "");
    }

    private static PostgresSettings external(String user, String password) {
        return settings(Map.of("dbtestkit.postgresql.url", local.jdbcUrl() + "?ApplicationName=dbtestkit-test",
                "dbtestkit.postgresql.username", user, "dbtestkit.postgresql.password", password));
    }

    @Test
    void theProvisionerStartsTheLocalServerOnce() {
        DatabaseServer again = provisioner.server(EngineKind.POSTGRESQL);

        assertThat(again).isSameAs(local);
        assertThat(local.provider()).hasToString("local");
    }

    @Test
    void aPinnedVersionSelectsMatchingLocalBinaries() {
        String major = local.version().split("\\.")[0];

        assertThat(LocalBinaries.current().find(Optional.of(major))).isPresent();
        assertThat(LocalBinaries.current().find(Optional.of("9.1"))).isEmpty();
    }

    @Test
    void anUnavailablePinnedVersionSaysWhatWasFound() {
        PostgresSettings pinned = settings(Map.of("dbtestkit.postgresql.provider", "local", "dbtestkit.postgresql.version", "9.1"));

        assertThatThrownBy(() -> PostgresProviders.start(Provider.LOCAL, pinned))
                .hasMessageStartingWith("PostgreSQL (local) needs initdb, pg_ctl and postgres of version 9.1 (dbtestkit.postgresql.version), "
                        + "and found none in the PATH, /usr/lib/postgresql/*/bin")
                .hasMessageContaining("(found " + local.version())
                .hasMessageEndingWith(": install PostgreSQL, or set dbtestkit.postgresql.provider=embedded|testcontainers|external.");
    }

    @Test
    void autoPicksTheExternalServerWhenAUrlIsSet() {
        assertThat(PostgresProviders.choose(external("app", "app-s3cret"))).hasToString("external");
    }

    @Test
    void externalCreatesSharedDatabasesAndDropsThemButLeavesTheServerRunning() throws Exception {
        PostgresServer server = (PostgresServer) ExternalPostgres.start(external("app", "app-s3cret"));
        DatabaseInstance db = server.createDatabase("ext_orders");
        try (Connection writer = db.dataSource().getConnection(); Connection reader = db.dataSource().getConnection()) {
            execute(writer, "CREATE TABLE orders(id INT PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
            assertThat(count(reader, "orders")).isEqualTo(1);
        }
        assertThat(db.jdbcUrl()).endsWith("/ext_orders?ApplicationName=dbtestkit-test");
        assertThat(db.username()).isEqualTo("app");
        assertThat(db.password()).isEqualTo("app-s3cret");
        DatabaseInstance leftOpen = server.createDatabase("ext_left_open");

        db.close();
        server.close();

        assertThat(databaseExists(local, "ext_orders")).isFalse();
        assertThat(databaseExists(local, "ext_left_open")).isFalse();
        assertThat(portAnswers(PostgresTesting.facts(local).port())).isTrue();
        leftOpen.close();
    }

    @Test
    void externalCloneCopiesTheTemplate() throws SQLException {
        PostgresServer server = (PostgresServer) ExternalPostgres.start(external("app", "app-s3cret"));
        try (DatabaseInstance template = server.createDatabase("ext_template")) {
            try (Connection c = template.dataSource().getConnection()) {
                execute(c, "CREATE TABLE posts(id INT PRIMARY KEY)", "INSERT INTO posts VALUES (1)");
            }
            try (DatabaseInstance copy = server.cloneDatabase(template, "ext_copy"); Connection c = copy.dataSource().getConnection()) {
                assertThat(count(c, "posts")).isEqualTo(1);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aUserWhoMayCreateNeitherDatabasesNorSchemasIsToldBothGrants() {
        // reader has no CREATEDB, so it falls back to schemas of database postgres, where it may not create any either
        DatabaseServer server = ExternalPostgres.start(external("reader", "reader-s3cret"));
        try {
            assertThat(server).isInstanceOf(PostgresSchemaServer.class);
            assertThatThrownBy(() -> server.createDatabase("ext_denied"))
                    .hasMessageStartingWith("User 'reader' may neither create databases on jdbc:postgresql://127.0.0.1:")
                    .hasMessageContaining(" nor schemas in database 'postgres' (ERROR: permission denied for database postgres")
                    .hasMessageEndingWith("grant one with ALTER ROLE reader CREATEDB (a database per run) or GRANT CREATE ON "
                            + "DATABASE postgres TO reader (a schema per run), use a superuser, or set "
                            + "dbtestkit.postgresql.provider=embedded|testcontainers|local.")
                    .message().doesNotContain("reader-s3cret");
        } finally {
            server.close();
        }
    }

    @Test
    void anExternalServerThatDoesNotAnswerIsNamedWithoutItsPassword() {
        PostgresSettings unreachable = settings(Map.of("dbtestkit.postgresql.url", "jdbc:postgresql://localhost:1/postgres?password=s3cret",
                "dbtestkit.postgresql.password", "s3cret"));

        assertThatThrownBy(() -> ExternalPostgres.start(unreachable))
                .hasMessageStartingWith("PostgreSQL (external) at jdbc:postgresql://localhost:1/postgres?password=*** does not answer: ")
                .message().doesNotContain("s3cret");
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefused() {
        assertThatThrownBy(() -> ExternalPostgres.start(settings(Map.of("dbtestkit.postgresql.url", "jdbc:mysql://db/app"))))
                .hasMessage("dbtestkit.postgresql.url=jdbc:mysql://db/app is not a PostgreSQL JDBC URL: write it as "
                        + "jdbc:postgresql://host:port/database.");
    }
}
