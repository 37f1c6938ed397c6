package io.github.dbtestkit;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FRESH_DATABASE on PostgreSQL takes its databases from a pool of ready clones ({@code
 * dbtestkit.postgresql.fresh-pool-size}, default 2) or, with 0, clones on demand: either way every test gets a
 * database of its own with the schema and nothing else, and the run leaves no database behind. The run is pointed at
 * a server of this test's, which outlives it and can be asked afterwards what is left on it.
 */
class FreshDatabasePoolTest {

    static final List<String> databases = new CopyOnWriteArrayList<>();

    private static DatabaseProvisioner own;
    private static DatabaseServer server;

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class}, isolation = Isolation.FRESH_DATABASE)
    static class FiveFreshTests {

        @RepeatedTest(5)
        void writesIntoADatabaseOfItsOwn(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_database(), count(*) FROM posts")) {
                    rs.next();
                    databases.add(rs.getString(1));
                    assertThat(rs.getInt(2)).as("rows a test finds in its fresh database").isZero();
                }
                s.execute("INSERT INTO posts (id, body) VALUES (1, 'written by one test')");
            }
        }
    }

    @BeforeAll
    static void startServer() {
        own = new DatabaseProvisioner(PostgresSettings.defaults());
        server = own.server(Engine.POSTGRESQL.kind());
    }

    @AfterAll
    static void stopServer() {
        own.close();
    }

    @BeforeEach
    void forgetDatabases() {
        databases.clear();
    }

    private EngineExecutionResults runOnOwnServer(Map<String, String> more) {
        Map<String, String> configuration = new java.util.HashMap<>(Map.of(
                PostgresSettings.URL, server.jdbcUrl(), PostgresSettings.USERNAME, "postgres"));
        configuration.putAll(more);
        return TestKit.run(FiveFreshTests.class, configuration);
    }

    @Test
    void testsTakeReadyClonesFromThePoolAndTheRunLeavesNoDatabase() throws SQLException {
        EngineExecutionResults results = runOnOwnServer(Map.of());

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(5));
        assertThat(databases).hasSize(5).doesNotHaveDuplicates();
        assertThat(databasesLeftByTheRun()).isEmpty();
    }

    @Test
    void aPoolSizeOfZeroClonesOnDemandAndLeavesNoDatabaseEither() throws SQLException {
        EngineExecutionResults results = runOnOwnServer(Map.of("dbtestkit.postgresql.fresh-pool-size", "0"));

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(databases).hasSize(5).doesNotHaveDuplicates();
        assertThat(databasesLeftByTheRun()).isEmpty();
    }

    @Test
    void aPoolSizeThatIsNoNumberFailsTheClassNamingTheKey() {
        EngineExecutionResults results = runOnOwnServer(Map.of("dbtestkit.postgresql.fresh-pool-size", "plenty"));

        assertThat(TestKit.failures(results)).anySatisfy(failure -> assertThat(failure)
                .contains("dbtestkit.postgresql.fresh-pool-size=plenty: expected a number of ready clones from 0"));
        assertThat(databases).isEmpty();
    }

    private static List<String> databasesLeftByTheRun() throws SQLException {
        try (DatabaseInstance probe = server.createDatabase("dbt_probe_pool");
             Connection connection = probe.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'dbt_%'"
                     + " AND datname <> 'dbt_probe_pool'")) {
            List<String> left = new java.util.ArrayList<>();
            while (rows.next()) {
                left.add(rows.getString(1));
            }
            return left;
        }
    }
}
