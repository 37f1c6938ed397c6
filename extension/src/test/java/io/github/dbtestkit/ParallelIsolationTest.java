package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JUnit's parallel execution on, classes and methods at once, ROLLBACK and FRESH_DATABASE tests on every engine
 * never see each other's rows: each writes, commits as code under test would, and counts only its own.
 */
class ParallelIsolationTest {

    static final int REPETITIONS = 4;
    static final int CLASSES = 4;
    static final int ENGINES = 3;
    static final int TESTS_PER_CLASS = 2 * REPETITIONS;

    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "6");

    /** What every test does: nothing there at first, then its own rows and only those, however it wrote them. */
    abstract static class WritesAndCounts {

        @RepeatedTest(REPETITIONS)
        void throughTheDataSourceWithACommit(DataSource ds) throws SQLException {
            assertThat(count(ds)).as("rows before writing").isZero();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                insert(c, 3);
                c.commit();
            }
            assertThat(count(ds)).as("rows after writing 3").isEqualTo(3);
        }

        @RepeatedTest(REPETITIONS)
        void throughTheEntityManager(EntityManager em, DataSource ds) throws SQLException {
            assertThat(count(ds)).as("rows before writing").isZero();
            em.persist(new Post("one"));
            em.persist(new Post("two"));
            em.flush();
            em.getTransaction().commit();
            assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isEqualTo(2L);
            assertThat(count(ds)).as("rows after writing 2").isEqualTo(2);
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
    static class RollbackOne extends WritesAndCounts {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
    static class RollbackTwo extends WritesAndCounts {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            isolation = Isolation.FRESH_DATABASE)
    static class FreshOne extends WritesAndCounts {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            isolation = Isolation.FRESH_DATABASE)
    static class FreshTwo extends WritesAndCounts {
    }

    @Test
    void rollbackAndFreshDatabaseTestsOnEveryEngineNeverSeeEachOthersRows() {
        EngineExecutionResults results = TestKit.run(PARALLEL, RollbackOne.class, RollbackTwo.class, FreshOne.class, FreshTwo.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(CLASSES * ENGINES * TESTS_PER_CLASS));
    }

    static void insert(Connection c, int rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into posts (body) values (?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "row " + i);
                insert.executeUpdate();
            }
        }
    }

    static long count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from posts")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
