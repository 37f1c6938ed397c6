package com.example.features;

import com.example.blog.Comment;
import com.example.blog.Post;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Sql;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Sql} loads fixture data inside the test's transaction: every test sees it fresh, none keeps it. */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
@Sql("three-posts.sql")
class SqlFixturesTest {

    @Test
    void countsTheFixturePosts(EntityManager em) {
        assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isEqualTo(3);
    }

    @Test
    void deletingThemHereDoesNotAffectTheOtherTest(EntityManager em) {
        em.createQuery("delete from Post").executeUpdate();

        assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isZero();
    }
}
