package com.example.blog;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Save and find, on every engine: the quick start. */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
class PostRepositoryTest {

    @Test
    void savesAndFindsAPostWithItsComments(EntityManager em) {
        Post post = new Post("Hello, dbtestkit");
        post.comment("First!");
        post.comment("Second.");
        em.persist(post);
        em.flush();
        em.clear();

        Post found = em.find(Post.class, post.getId());

        assertThat(found.getBody()).isEqualTo("Hello, dbtestkit");
        assertThat(found.getComments()).extracting(Comment::getBody).containsExactlyInAnyOrder("First!", "Second.");
    }

    @Test
    void queriesWithJpql(EntityManager em) {
        em.persist(new Post("one"));
        em.persist(new Post("two"));

        Long count = em.createQuery("select count(p) from Post p", Long.class).getSingleResult();

        assertThat(count).isEqualTo(2);
    }
}
