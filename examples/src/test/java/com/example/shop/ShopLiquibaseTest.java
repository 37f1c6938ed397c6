package com.example.shop;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
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
 * The same shop schema, built by one Liquibase changelog for every engine ({@code dbms=} where engines differ): the
 * same entities and the same tests pass on it.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/liquibase/changelog.xml")
class ShopLiquibaseTest {

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

    @Test
    void theDatabaseRejectsNegativeStock(Connection connection) throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint(); // PostgreSQL aborts the transaction on an error: see ShopFlywayTest

        assertThatThrownBy(() -> insertProduct(connection, "Broken pen", -1))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("products_stock_not_negative"));

        connection.rollback(beforeInsert);
        insertProduct(connection, "Pen", 0);
        assertThat(count(connection, "products")).isEqualTo(1);
    }

    /** Liquibase writes TIMESTAMP as TEXT on SQLite; the changelog's {@code <modifySql dbms="sqlite">} keeps TIMESTAMP. */
    @Test
    @EnabledOnEngine(Engine.SQLITE)
    void onSqliteTheTimestampColumnKeepsItsDeclaredType(Connection connection) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, "orders", "created_at")) {
            columns.next();
            assertThat(columns.getString("TYPE_NAME")).isEqualTo("TIMESTAMP");
        }
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

    private static long insertProduct(Connection connection, String name, int stock) throws SQLException {
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

    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
