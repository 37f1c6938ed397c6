package com.example.blog;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests in random order each start from empty tables: nothing a test writes survives it. */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
@TestMethodOrder(MethodOrderer.Random.class)
class RandomOrderIsolationTest {

    @BeforeEach
    void tablesAreEmpty(DataSource ds) throws SQLException {
        assertThat(rows(ds, "posts")).isZero();
        assertThat(rows(ds, "comments")).isZero();
    }

    @Test
    void writesThroughTheEntityManager(EntityManager em) {
        Post post = new Post("via JPA");
        post.comment("a comment");
        em.persist(post);
        em.flush();
    }

    @Test
    void writesThroughJdbc(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into posts(body) values ('via JDBC')");
        }
    }

    @RepeatedTest(3)
    void writesAgainAndAgain(EntityManager em, DataSource ds) throws SQLException {
        em.persist(new Post("repeated"));
        em.flush();
        assertThat(rows(ds, "posts")).isEqualTo(1);
    }

    static int rows(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
