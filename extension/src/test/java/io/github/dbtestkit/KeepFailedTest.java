package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import io.github.dbtestkit.internal.lifecycle.DatabaseLifecycle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With dbtestkit.keep-failed=true, a failed test's database is kept, with what it held when the test failed. */
class KeepFailedTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailsUnderRollback {

        @Test
        @Order(1)
        void failsAfterWriting(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("insert into posts(body) values ('evidence')");
            }
            assertThat(1).as("the failure whose evidence is kept").isEqualTo(2);
        }

        @Test
        @Order(2)
        void theNextTestStillStartsEmpty(Connection c) throws SQLException {
            assertThat(count(c)).isZero();
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            isolation = Isolation.FRESH_DATABASE)
    static class FailsOnAFreshDatabase {

        @Test
        void failsAfterCommitting(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("insert into posts(body) values ('evidence')");
            }
            assertThat(1).isEqualTo(2);
        }

        @Test
        void passes() {
        }
    }

    static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from posts")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> kept(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(DatabaseLifecycle.KEPT_ENTRY))
                .map(pairs -> pairs.get(DatabaseLifecycle.KEPT_ENTRY))
                .toList();
    }

    @Test
    void offByDefaultNothingIsKept() {
        EngineExecutionResults results = TestKit.run(FailsUnderRollback.class, Map.of());

        results.testEvents().assertStatistics(stats -> stats.failed(3).succeeded(3));
        assertThat(kept(results)).isEmpty();
    }

    @Test
    void aFailedRollbackTestKeepsWhatItWroteAndSaysHowToOpenIt(@TempDir Path reports) throws Exception {
        EngineExecutionResults results = TestKit.run(FailsUnderRollback.class,
                Map.of("dbtestkit.keep-failed", "true", "dbtestkit.report.dir", reports.toString()));

        results.testEvents().assertStatistics(stats -> stats.failed(3).succeeded(3));
        List<String> kept = kept(results);
        assertThat(kept).hasSize(3).allSatisfy(message ->
                assertThat(message).startsWith("dbtestkit kept the database of the failed test FailsUnderRollback#failsAfterWriting on "));

        Path h2 = reports.resolve("kept").resolve("FailsUnderRollback-failsAfterWriting-h2").toAbsolutePath();
        assertThat(kept).anySatisfy(message -> assertThat(message).isEqualTo("dbtestkit kept the database of the failed test "
                + "FailsUnderRollback#failsAfterWriting on H2: " + h2 + ".mv.db. Open it with the URL jdbc:h2:file:" + h2
                + " (user sa, no password), e.g. in H2's console or java -cp h2.jar org.h2.tools.Shell -url jdbc:h2:file:" + h2
                + " -user sa"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h2 + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(count(c)).isEqualTo(1);
        }

        Path sqlite = reports.resolve("kept").resolve("FailsUnderRollback-failsAfterWriting-sqlite.db").toAbsolutePath();
        assertThat(kept).contains("dbtestkit kept the database of the failed test FailsUnderRollback#failsAfterWriting on "
                + "SQLite: " + sqlite + ". Open it with: sqlite3 " + sqlite);
        assertThat(Files.exists(sqlite)).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            assertThat(count(c)).isEqualTo(1);
        }

        assertThat(kept).anySatisfy(message -> assertThat(message)
                .startsWith("dbtestkit kept the database of the failed test FailsUnderRollback#failsAfterWriting on PostgreSQL: "
                        + "jdbc:postgresql://127.0.0.1:")
                .contains(". Open it with: psql -h 127.0.0.1 -p ")
                .contains(" -U postgres dbt_postgresql_")
                .endsWith(" while this run lasts: the embedded server and its data are deleted when the run ends (pause the"
                        + " run, e.g. at a breakpoint, to look). To keep it after the run, run against a server of your own"
                        + " (dbtestkit.postgresql.url)."));
    }

    @Test
    void aFailedFreshDatabaseTestKeepsItsCopyAndAPassingOneDropsIt(@TempDir Path reports) throws Exception {
        EngineExecutionResults results = TestKit.run(FailsOnAFreshDatabase.class,
                Map.of("dbtestkit.keep-failed", "true", "dbtestkit.report.dir", reports.toString()));

        results.testEvents().assertStatistics(stats -> stats.failed(2).succeeded(2));
        assertThat(kept(results)).hasSize(2);
        Path h2 = reports.resolve("kept").resolve("FailsOnAFreshDatabase-failsAfterCommitting-h2").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h2 + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(count(c)).isEqualTo(1);
        }
        try (var files = Files.list(reports.resolve("kept"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("FailsOnAFreshDatabase-failsAfterCommitting-h2.mv.db");
        }
    }
}
