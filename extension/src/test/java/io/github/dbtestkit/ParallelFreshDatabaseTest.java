package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under FRESH_DATABASE, tests that run at the same time each see their own copy: what one writes, the others never
 * see, through the DataSource and through the EntityManager alike.
 */
class ParallelFreshDatabaseTest {

    static final int TESTS = 4;
    static final Map<Engine, CyclicBarrier> allWritten = new java.util.concurrent.ConcurrentHashMap<>();

    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(4 * TESTS));

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            isolation = Isolation.FRESH_DATABASE)
    static class WritesInParallel {

        @Test
        void first(DataSource ds, TestDatabase db, TestInfo info) throws Exception {
            seesOnlyItsOwnRow(ds, db, info);
        }

        @Test
        void second(DataSource ds, TestDatabase db, TestInfo info) throws Exception {
            seesOnlyItsOwnRow(ds, db, info);
        }

        @Test
        void third(DataSource ds, TestDatabase db, TestInfo info) throws Exception {
            seesOnlyItsOwnRow(ds, db, info);
        }

        @Test
        void throughTheEntityManager(EntityManager em, DataSource ds, TestDatabase db) throws Exception {
            em.persist(new Post("throughTheEntityManager"));
            em.flush();
            em.getTransaction().commit();
            allWritten.get(db.engine()).await(30, TimeUnit.SECONDS);
            assertThat(em.createQuery("select p.body from Post p", String.class).getResultList())
                    .containsExactly("throughTheEntityManager");
            assertThat(bodies(ds)).containsExactly("throughTheEntityManager");
        }

        private static void seesOnlyItsOwnRow(DataSource ds, TestDatabase db, TestInfo info) throws Exception {
            String name = info.getTestMethod().orElseThrow().getName();
            try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into posts (id, body) values (?, ?)")) {
                insert.setLong(1, List.of("first", "second", "third").indexOf(name) + 1);
                insert.setString(2, name);
                insert.executeUpdate();
            }
            allWritten.get(db.engine()).await(30, TimeUnit.SECONDS);
            assertThat(bodies(ds)).containsExactly(name);
        }

        private static List<String> bodies(DataSource ds) throws SQLException {
            List<String> bodies = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select body from posts")) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    @Test
    void testsRunningAtTheSameTimeEachSeeOnlyTheirOwnCopy() {
        allWritten.put(Engine.H2, new CyclicBarrier(TESTS));
        allWritten.put(Engine.SQLITE, new CyclicBarrier(TESTS));
        allWritten.put(Engine.POSTGRESQL, new CyclicBarrier(TESTS));

        EngineExecutionResults results = TestKit.run(WritesInParallel.class, PARALLEL);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3 * TESTS));
    }
}
