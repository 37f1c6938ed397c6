package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented type can be injected where DESIGN.md says. */
class InjectionTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class EverythingInjected {
        static final List<String> seen = new ArrayList<>();
        private final EntityManager constructorEm;
        private final DataSource constructorDs;

        EverythingInjected(EntityManager em, DataSource ds) {
            this.constructorEm = em;
            this.constructorDs = ds;
        }

        @BeforeEach
        void lifecycle(DataSource ds, EntityManagerFactory emf, SessionFactory sf, TestDatabase db, EntityManager em) {
            assertThat(emf).isSameAs(sf);
            assertThat(em).isSameAs(constructorEm);
            seen.add("beforeEach " + db.engine().id() + " " + db.jdbcUrl().startsWith("jdbc:"));
        }

        @Test
        void allTypes(DataSource ds, Connection c, EntityManager em, Session session, EntityManagerFactory emf,
                      SessionFactory sf, TestDatabase db) throws Exception {
            assertThat(em).isSameAs(constructorEm).isSameAs(session);
            assertThat(ds).isSameAs(constructorDs).isSameAs(db.dataSource());
            assertThat(c.isValid(1)).isTrue();
            assertThat(emf).isSameAs(sf);
            em.persist(new Post("via session"));
            session.flush();
            try (var rs = c.createStatement().executeQuery("select count(*) from posts")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the Connection sees the EntityManager's flushed work").isEqualTo(1);
            }
            seen.add("test " + db.engine().id());
        }
    }

    @Test
    void injectsIntoConstructorsLifecycleMethodsAndTests() {
        EverythingInjected.seen.clear();

        EngineExecutionResults results = TestKit.run(EverythingInjected.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(EverythingInjected.seen).containsExactly("beforeEach h2 true", "test h2", "beforeEach sqlite true", "test sqlite");
    }

    @DatabaseTest
    static class ConnectionInBeforeAll {
        @BeforeAll
        static void tooEarly(DataSource ds) {
        }

        @Test
        void never() {
        }
    }

    @Test
    void databaseParametersInBeforeAllFailWithAHint() {
        EngineExecutionResults results = TestKit.run(ConnectionInBeforeAll.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("run once for all its engines, before any database is ready")
                .contains("parameter DataSource of tooEarly")
                .contains("inject it into @BeforeEach methods");
    }

    @DatabaseTest
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    static class ConnectionInPerClassConstructor {
        ConnectionInPerClassConstructor(Connection c) {
        }

        @Test
        void never() {
        }
    }

    @Test
    void perTestTypesOutsideATestFailWithAHint() {
        EngineExecutionResults results = TestKit.run(ConnectionInPerClassConstructor.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("A @TestInstance(PER_CLASS) @DatabaseTest class is constructed once for all its engines")
                .contains("parameter Connection of");
    }

    @DatabaseTest
    static class EntityManagerWithoutEntities {
        @Test
        void needsEntities(EntityManager em) {
        }
    }

    @Test
    void entityManagerWithoutEntitiesSaysWhatToAdd() {
        EngineExecutionResults results = TestKit.run(EntityManagerWithoutEntities.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("needs entities")
                .contains("@DatabaseTest(entities = ...)");
    }
}
