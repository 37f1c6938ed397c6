package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test runs in one transaction that is rolled back, whatever the code under test does. */
class RollbackIsolationTest {

    static int count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void insertPost(Connection c, String body) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into posts(body) values ('" + body + "')");
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
    @TestMethodOrder(MethodOrderer.Random.class)
    static class CodeUnderTestCommits {

        @BeforeEach
        void startsEmpty(DataSource ds) throws SQLException {
            assertThat(count(ds, "posts")).as("rows left by an earlier test").isZero();
            assertThat(count(ds, "comments")).as("rows left by an earlier test").isZero();
        }

        @Test
        void jdbcCommit(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                insertPost(c, "committed");
                c.commit();
            }
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        void autoCommitConnection(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
                insertPost(c, "auto");
            }
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        void setAutoCommitTrueCommits(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                insertPost(c, "pending");
                c.setAutoCommit(true);
                c.rollback(); // no-op in auto-commit mode
            }
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        void rollbackUndoesWorkSinceTheLastCommit(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                insertPost(c, "kept");
                c.commit();
                insertPost(c, "undone");
                c.rollback();
                assertThat(count(ds, "posts")).isEqualTo(1);
                insertPost(c, "undone too");
            } // close without commit rolls back, as pools do
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        void entityManagerFromTheFactoryCommits(EntityManagerFactory emf, DataSource ds) throws SQLException {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            Post post = new Post("via emf");
            em.persist(post);
            em.persist(new Comment(post, "first"));
            em.getTransaction().commit();
            em.close();
            assertThat(count(ds, "comments")).isEqualTo(1);
        }

        @Test
        void entityManagerFromTheFactoryRollsBack(EntityManagerFactory emf, DataSource ds) throws SQLException {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            em.persist(new Post("kept"));
            em.getTransaction().commit();
            em.getTransaction().begin();
            em.persist(new Post("undone"));
            em.flush();
            em.getTransaction().rollback();
            em.close();
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        void injectedEntityManagerTransactionCommits(EntityManager em, DataSource ds) throws SQLException {
            em.getTransaction().begin();
            em.persist(new Post("explicit"));
            em.getTransaction().commit();
            assertThat(em.getTransaction().isActive()).isFalse();
            em.persist(new Post("implicit"));
            em.flush();
            assertThat(count(ds, "posts")).isEqualTo(2);
        }

        @RepeatedTest(3)
        void injectedEntityManagerFlushes(EntityManager em, DataSource ds) throws SQLException {
            em.persist(new Post("flushed"));
            em.flush();
            assertThat(count(ds, "posts")).isEqualTo(1);
        }
    }

    @Test
    void nothingSurvivesAnyTestOnAnyEngine() {
        EngineExecutionResults results = TestKit.run(CodeUnderTestCommits.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(30).succeeded(30));
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class LifecycleSharesTheTransaction {
        static final java.util.List<String> seen = new java.util.ArrayList<>();
        EntityManager fromBefore;

        @BeforeEach
        void writes(EntityManager em) {
            fromBefore = em;
            em.persist(new Post("from @BeforeEach"));
            em.flush();
        }

        @Test
        void seesBeforeEachWork(EntityManager em, DataSource ds) throws SQLException {
            assertThat(em).isSameAs(fromBefore);
            assertThat(count(ds, "posts")).isEqualTo(1);
            insertPost(ds.getConnection(), "from the test");
        }

        @AfterEach
        void seesTestWork(DataSource ds) throws SQLException {
            seen.add("after: " + count(ds, "posts"));
        }
    }

    @Test
    void beforeEachTestAndAfterEachShareOneTransaction() {
        LifecycleSharesTheTransaction.seen.clear();

        EngineExecutionResults results = TestKit.run(LifecycleSharesTheTransaction.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(LifecycleSharesTheTransaction.seen).containsExactly("after: 2", "after: 2");
    }
}
