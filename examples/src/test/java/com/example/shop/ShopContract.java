package com.example.shop;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the shop's schema must do, whichever tool builds it: {@link ShopFlywayTest} and {@link ShopLiquibaseTest}
 * inherit these tests and each declare, with {@code @DatabaseTest}, how their schema is made.
 */
abstract class ShopContract {

    @Test
    void placesAnOrderThroughTheEntities(EntityManager em) {
        User ada = new User("ada@example.com", "Ada");
        Product pen = new Product("Pen", new BigDecimal("1.50"), 10);
        em.persist(ada);
        em.persist(pen);
        pen.take(3);
        em.persist(new Order(ada, pen, 3, LocalDateTime.of(2026, 1, 2, 3, 4, 5)));
        em.flush();
        em.clear();

        Order order = em.createQuery("select o from Order o join fetch o.product", Order.class).getSingleResult();

        assertThat(order.getQuantity()).isEqualTo(3);
        assertThat(order.getProduct().getStock()).isEqualTo(7);
        assertThat(order.getCreatedAt()).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    }

    /**
     * The CHECK constraint holds on every engine. The insert runs after a savepoint and the test returns to it: on
     * PostgreSQL a failed statement aborts the whole transaction (see the next test), and the savepoint is how to carry
     * on in it. H2 and SQLite would not need it, but it does no harm there.
     */
    @Test
    void theDatabaseRejectsNegativeStock(Connection connection) throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint();

        assertThatThrownBy(() -> insertProduct(connection, "Broken pen", -1))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("products_stock_not_negative"));

        connection.rollback(beforeInsert);
        insertProduct(connection, "Pen", 0);
        assertThat(count(connection, "products")).isEqualTo(1);
    }

    @Test
    void theDatabaseRejectsAnOrderForAnUnknownUser(Connection connection) throws SQLException {
        long pen = insertProduct(connection, "Pen", 5);
        Savepoint beforeInsert = connection.setSavepoint();

        assertThatThrownBy(() -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO orders (user_id, product_id, quantity, created_at) VALUES (?, ?, 1, CURRENT_TIMESTAMP)")) {
                insert.setLong(1, 4242);
                insert.setLong(2, pen);
                insert.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(e.getMessage().toLowerCase())
                .containsAnyOf("fk_orders_user", "foreign key constraint failed"));

        connection.rollback(beforeInsert);
    }

    static long insertProduct(Connection connection, String name, int stock) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO products (name, price, stock) VALUES (?, 1.50, ?)", new String[]{"id"})) {
            insert.setString(1, name);
            insert.setInt(2, stock);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
