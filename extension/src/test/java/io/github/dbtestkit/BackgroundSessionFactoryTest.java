package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class whose tests take an EntityManager gets its SessionFactory built in the background once its schema is
 * ready ({@code dbtestkit.session-factory.background}, on by default): the tests see the same factory, and the same
 * failures, as when it is built on first use.
 */
class BackgroundSessionFactoryTest {

    static final String OFF = "dbtestkit.session-factory.background";

    /** Maps and creates fine; only the factory's start-up check of named queries rejects it. */
    @Entity
    @Table(name = "broken_query_rows")
    @NamedQuery(name = "BrokenQueryRow.all", query = "select r from NoSuchEntity r")
    public static class BrokenQueryRow {
        @Id
        private Long id;
    }

    @DatabaseTest(entities = BrokenQueryRow.class, isolation = Isolation.NONE)
    static class NeedsABrokenFactory {
        @Test
        void persists(EntityManager em) {
            em.find(BrokenQueryRow.class, 1L);
        }
    }

    static final Set<EntityManagerFactory> FACTORIES = ConcurrentHashMap.newKeySet();

    abstract static class RecordsItsFactory {
        @Test
        void persistsAPost(EntityManager em, EntityManagerFactory factory) {
            FACTORIES.add(factory);
            em.persist(new Post("one"));
            em.flush();
            assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isEqualTo(1L);
        }

        @Test
        void countsWithTheFactoryItWasGiven(EntityManagerFactory factory) {
            FACTORIES.add(factory);
            assertThat(factory.getMetamodel().getEntities()).hasSize(2);
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class ParallelOne extends RecordsItsFactory {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class ParallelTwo extends RecordsItsFactory {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class ParallelThree extends RecordsItsFactory {
    }

    @Test
    void aFactoryThatCannotBeBuiltFailsTheTestWithTheSameMessageAsWhenBuiltOnFirstUse() {
        EngineExecutionResults background = TestKit.run(NeedsABrokenFactory.class);
        EngineExecutionResults onFirstUse = TestKit.run(NeedsABrokenFactory.class, Map.of(OFF, "false"));

        assertThat(TestKit.failures(background))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Hibernate could not build a SessionFactory for [" + BrokenQueryRow.class.getName() + "] on H2")
                .contains("BrokenQueryRow.all");
        assertThat(TestKit.failures(background)).isEqualTo(TestKit.failures(onFirstUse));
    }

    @Test
    void parallelClassesWithTheSameEntitiesShareOneFactoryPerEngine() {
        FACTORIES.clear();
        EngineExecutionResults results = TestKit.run(ParallelIsolationTest.PARALLEL,
                ParallelOne.class, ParallelTwo.class, ParallelThree.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3 * 2 * 2));
        assertThat(FACTORIES).as("one factory per engine, whichever class's background build got there first").hasSize(2);
    }
}
