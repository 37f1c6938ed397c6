package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Schemas and Hibernate factories are built once per (engine, entity set) and shared by every class that asks. */
class CachingTest {

    static final Map<String, String> seen = new ConcurrentHashMap<>();

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class First {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.put(getClass().getSimpleName() + " " + db.engine(), System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Comment.class, Post.class, Post.class})
    static class SameEntitiesInAnotherOrder {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.put(getClass().getSimpleName() + " " + db.engine(), System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @DatabaseTest(engines = Engine.H2, entities = Post.class)
    static class OtherEntities {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.put(getClass().getSimpleName() + " " + db.engine(), System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @Test
    void classesWithTheSameEntitiesShareDatabaseAndFactoryOthersDoNot() {
        seen.clear();

        // one run: its databases and factories are shared by its classes (another run would own others)
        TestKit.run(First.class, SameEntitiesInAnotherOrder.class, OtherEntities.class);

        assertThat(seen).hasSize(5);
        assertThat(seen.get("SameEntitiesInAnotherOrder H2")).isEqualTo(seen.get("First H2"));
        assertThat(seen.get("SameEntitiesInAnotherOrder SQLITE")).isEqualTo(seen.get("First SQLITE"));
        assertThat(seen.get("OtherEntities H2")).isNotEqualTo(seen.get("First H2"));
    }
}
