package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A test that opens its own connection, locks a table in a transaction and never closes the connection blocks neither
 * the next test nor the end of the run.
 */
class LeftoverConnectionsTest {

    /** Connections the user-like tests leave open, to check afterwards that they were ended. */
    static final List<Connection> LEFT_OPEN = new ArrayList<>();

    @AfterAll
    static void closeWhatIsLeft() {
        for (Connection connection : LEFT_OPEN) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // ended by dbtestkit already
            }
        }
    }

    static Connection lockPosts(TestDatabase db) throws SQLException {
        Connection own = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
        LEFT_OPEN.add(own);
        own.setAutoCommit(false);
        try (Statement s = own.createStatement()) {
            s.execute("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE");
        }
        return own;
    }

    static int countPosts(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // without dbtestkit ending the leftover session this would wait for its lock: fail instead of hanging
            s.execute("SET lock_timeout = '5s'");
            try (var rs = s.executeQuery("SELECT count(*) FROM posts")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeavesALockUnderRollback {

        @Test
        @Order(1)
        void locksPostsOnItsOwnConnectionAndLeavesItOpen(TestDatabase db) throws SQLException {
            lockPosts(db);
        }

        @Test
        @Order(2)
        void theNextTestReadsPosts(Connection c) throws SQLException {
            assertThat(countPosts(c)).isZero();
        }
    }

    @Test
    void aLockLeftByATestIsReleasedBeforeTheNextTest() {
        LEFT_OPEN.clear();
        EngineExecutionResults results = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> TestKit.run(LeavesALockUnderRollback.class));

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(LEFT_OPEN).singleElement().satisfies(own -> assertThat(own.isValid(2)).isFalse());
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class}, isolation = Isolation.NONE)
    static class LeavesALockAtTheEnd {

        @Test
        void locksPostsAndLeavesItOpen(TestDatabase db) throws SQLException {
            lockPosts(db);
        }
    }

    @Test
    void aLockLeftByTheLastTestDoesNotBlockTheEndOfTheRun() {
        LEFT_OPEN.clear();
        EngineExecutionResults results = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> TestKit.run(LeavesALockAtTheEnd.class));

        assertThat(TestKit.failures(results)).isEmpty();
        // the run dropped the database, ending the session that held the lock, and stopped the server
        assertThat(LEFT_OPEN).singleElement().satisfies(own -> assertThat(own.isValid(2)).isFalse());
    }
}
