package com.example.blog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Code under test that manages its own transactions, as application code does: it commits, and the test still
 * leaves nothing behind.
 */
public final class BlogService {

    private final EntityManagerFactory emf;
    private final DataSource dataSource;

    public BlogService(EntityManagerFactory emf, DataSource dataSource) {
        this.emf = emf;
        this.dataSource = dataSource;
    }

    /** Publishes a post in its own JPA transaction and commits. */
    public long publish(String body) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Post post = new Post(body);
            em.persist(post);
            em.getTransaction().commit();
            return post.getId();
        } finally {
            em.close();
        }
    }

    /** Archives every post through plain JDBC, committing explicitly. */
    public int archiveAll() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from comments");
                 PreparedStatement posts = c.prepareStatement("delete from posts")) {
                delete.executeUpdate();
                int removed = posts.executeUpdate();
                c.commit();
                return removed;
            }
        }
    }

    /** Imports posts in one JDBC transaction that fails halfway and is rolled back. */
    public void importAllOrNothing(String... bodies) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into posts(body) values (?)")) {
                for (String body : bodies) {
                    if (body == null) {
                        throw new SQLException("a post needs a body");
                    }
                    insert.setString(1, body);
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
