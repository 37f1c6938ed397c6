package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.github.dbtestkit.RollbackIsolationTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/** FRESH_DATABASE gives each test its own copy of the schema; NONE leaves cleaning up to the test. */
class OtherIsolationModesTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            isolation = Isolation.FRESH_DATABASE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FreshDatabases {

        @Test
        @Order(1)
        void ddlAndDataStayInTheTestsCopy(DataSource ds, EntityManager em) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table audit_log(id integer primary key, message varchar(100))");
                s.execute("insert into audit_log values (1, 'created')");
            }
            em.persist(new Post("in a fresh copy"));
            em.flush();
            em.getTransaction().commit();
            assertThat(count(ds, "posts")).isEqualTo(1);
        }

        @Test
        @Order(2)
        void theNextTestGetsAPristineCopy(DataSource ds) throws SQLException {
            assertThat(count(ds, "posts")).isZero();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertThat(c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"}))
                        .satisfies(rs -> {
                            java.util.List<String> names = new java.util.ArrayList<>();
                            while (rs.next()) {
                                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                            }
                            assertThat(names).contains("posts", "comments").doesNotContain("audit_log");
                        });
            }
        }
    }

    @Test
    void freshDatabaseCopiesTheSchemaForEachTest() {
        EngineExecutionResults results = TestKit.run(FreshDatabases.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(6));
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class}, isolation = Isolation.NONE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class NoIsolation {

        @Test
        @Order(1)
        void commitsForReal(Connection c) throws SQLException {
            assertThat(c.getAutoCommit()).isTrue();
            try (Statement s = c.createStatement()) {
                s.execute("insert into posts(body) values ('stays')");
            }
        }

        @Test
        @Order(2)
        void theNextTestSeesItAndCleansUp(DataSource ds) throws SQLException {
            assertThat(count(ds, "posts")).isEqualTo(1);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("delete from posts");
            }
        }
    }

    @Test
    void noneGivesPlainAutoCommitConnections() {
        EngineExecutionResults results = TestKit.run(NoIsolation.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(4));
    }
}
