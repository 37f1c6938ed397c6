package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A PostgreSQL server that dies in the middle of a run (killed by the OOM killer, a crash, someone's {@code kill -9})
 * makes each following test fail at once with a message that says so, and the end of the run does not hang on the
 * dead server.
 */
class KilledServerTest {

    private static final Duration PER_TEST = Duration.ofSeconds(5);

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ServerKilledByTheFirstTest {

        @Test
        @Order(1)
        void killsTheServer(Connection c) throws Exception {
            long backend;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        }

        @Test
        @Order(2)
        void usesTheInjectedConnection(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM posts");
            }
        }

        @Test
        @Order(3)
        void usesTheDataSource(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM posts");
            }
        }

        @Test
        @Order(4)
        void usesTheConnectionAgain(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO posts (body) VALUES ('x')");
            }
        }
    }

    @Test
    void testsAfterTheServerIsKilledFailFastWithAClearMessageAndTheRunEnds() {
        // the whole run, shutdown included: a pool or a pg_ctl stop waiting on the dead server fails here
        EngineExecutionResults results = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> TestKit.run(ServerKilledByTheFirstTest.class, Map.of("dbtestkit.postgresql.provider", "embedded")));

        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished).hasSize(4);
        assertThat(messageOf(finished.get(0)))
                .startsWith("PostgreSQL stopped during the test, so its transaction could not be rolled back: ");
        for (Event event : finished.subList(1, finished.size())) {
            String test = event.getTestDescriptor().getDisplayName();
            assertThat(messageOf(event)).as(test)
                    .contains("PostgreSQL (embedded) at jdbc:postgresql://127.0.0.1:")
                    .contains("stopped or cannot be reached")
                    .contains("it was running earlier in this run, so it was stopped or killed since");
            assertThat(Duration.between(startOf(results, event), event.getTimestamp())).as(test).isLessThan(PER_TEST);
        }
        // nothing else failed: the class and the run ended cleanly, without a second report of the dead server
        assertThat(results.containerEvents().failed().count()).isZero();
    }

    private static String messageOf(Event finished) {
        return finished.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("(no failure)");
    }

    private static Instant startOf(EngineExecutionResults results, Event finished) {
        return results.testEvents().started().stream()
                .filter(e -> e.getTestDescriptor().equals(finished.getTestDescriptor()))
                .findFirst().orElseThrow().getTimestamp();
    }
}
