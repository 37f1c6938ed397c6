package com.example.blog;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.SQLException;

import static com.example.blog.RandomOrderIsolationTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The code under test commits, through JPA and through JDBC; its commits are contained, so the next test still
 * starts from nothing.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CodeUnderTestCommitsTest {

    private final BlogService blog;

    CodeUnderTestCommitsTest(EntityManagerFactory emf, DataSource dataSource) {
        this.blog = new BlogService(emf, dataSource);
    }

    @Test
    @Order(1)
    void publishCommitsAJpaTransaction(DataSource ds) throws SQLException {
        blog.publish("committed by JPA");
        blog.publish("committed again");

        assertThat(rows(ds, "posts")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void theNextTestSeesNothingOfIt(DataSource ds) throws SQLException {
        assertThat(rows(ds, "posts")).isZero();
    }

    @Test
    @Order(3)
    void jdbcCommitAndRollbackBehaveAsOnARealDatabase(DataSource ds) throws SQLException {
        blog.publish("kept until the test ends");

        assertThatThrownBy(() -> blog.importAllOrNothing("imported", null)).hasMessage("a post needs a body");
        assertThat(rows(ds, "posts")).as("the failed import rolled back, the earlier commit stayed").isEqualTo(1);

        assertThat(blog.archiveAll()).isEqualTo(1);
        assertThat(rows(ds, "posts")).isZero();
    }

    @Test
    @Order(4)
    void andStillNothingSurvives(DataSource ds) throws SQLException {
        blog.importAllOrNothing("committed by JDBC");

        assertThat(rows(ds, "posts")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void evenAfterAJdbcCommit(DataSource ds) throws SQLException {
        assertThat(rows(ds, "posts")).isZero();
    }
}
