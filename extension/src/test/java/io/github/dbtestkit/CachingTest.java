package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schemas and Hibernate factories are built once per (engine, entity set) and shared by every class that asks. */
class CachingTest {

    static final List<Object> seen = new ArrayList<>();

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class First {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.add(db.engine() + " " + System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Comment.class, Post.class, Post.class})
    static class SameEntitiesInAnotherOrder {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.add(db.engine() + " " + System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @DatabaseTest(engines = Engine.H2, entities = Post.class)
    static class OtherEntities {
        @Test
        void records(SessionFactory sf, TestDatabase db) {
            seen.add(db.engine() + " " + System.identityHashCode(sf) + " " + db.jdbcUrl());
        }
    }

    @Test
    void classesWithTheSameEntitiesShareDatabaseAndFactoryOthersDoNot() {
        seen.clear();

        TestKit.run(First.class);
        TestKit.run(SameEntitiesInAnotherOrder.class);
        TestKit.run(OtherEntities.class);

        assertThat(seen).hasSize(5);
        assertThat(seen.get(2)).isEqualTo(seen.get(0));
        assertThat(seen.get(3)).isEqualTo(seen.get(1));
        assertThat(seen.get(4)).isNotEqualTo(seen.get(0));
    }
}
