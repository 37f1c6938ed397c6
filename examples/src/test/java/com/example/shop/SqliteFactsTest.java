package com.example.shop;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Migrations;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the shop's schema is migrated on SQLite too, and what its SQLite scripts do differently
 * ({@code db/shop/flyway/sqlite}).
 */
@DatabaseTest(engines = Engine.SQLITE, entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/flyway/{engine}")
class SqliteFactsTest {

    /**
     * Hibernate's SQLite dialect cannot add constraints to a table (SQLite has no ALTER TABLE ... ADD CONSTRAINT), so
     * create_all declares no foreign key at all; the migrations declare them inside CREATE TABLE.
     */
    @Test
    void createAllDeclaresNoForeignKeysOnSqliteWhileTheMigrationsDo(Migrations migrations, Connection migrated)
            throws SQLException {
        DataSource empty = migrations.dataSource(); // an empty database of this test's own

        createAll(empty);

        try (Connection created = empty.getConnection()) {
            assertThat(foreignKeys(created, "orders")).isEmpty();
        }
        assertThat(foreignKeys(migrated, "orders")).containsExactlyInAnyOrder("user_id -> users", "product_id -> products");
    }

    /** AUTOINCREMENT is only allowed on INTEGER PRIMARY KEY; SQLite's INTEGER is 64-bit, so a Long id fits. */
    @Test
    void keysAreIntegerPrimaryKeysWithAutoincrement(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'users'")) {
            rows.next();
            assertThat(rows.getString(1)).contains("id    INTEGER PRIMARY KEY AUTOINCREMENT");
        }
    }

    private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
            while (rows.next()) {
                keys.add(rows.getString("from") + " -> " + rows.getString("table"));
            }
        }
        return keys;
    }

    /** What {@code hibernate.hbm2ddl.auto=create} does at start-up, on a database of our choosing. */
    private static void createAll(DataSource database) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, database)
                .build();
        try (SessionFactory factory = new MetadataSources(registry)
                .addAnnotatedClasses(User.class, Product.class, Order.class)
                .buildMetadata().buildSessionFactory()) {
            factory.getSchemaManager().exportMappedObjects(true);
        }
    }
}
