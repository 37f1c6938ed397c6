package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmokeTest {

    @Test
    @Order(1)
    void saves(EntityManager em, DataSource ds) throws Exception {
        Post post = new Post("hello");
        em.persist(post);
        em.persist(new Comment(post, "first"));
        em.flush();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from comments")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            c.setAutoCommit(false);
            s.execute("insert into posts(body) values ('x')");
            c.commit();
        }
    }

    @Test
    @Order(2)
    void nothingSurvives(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from posts")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
