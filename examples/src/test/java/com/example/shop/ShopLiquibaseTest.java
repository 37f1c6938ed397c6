package com.example.shop;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same shop schema, built by one Liquibase changelog for every engine ({@code dbms=} where engines differ): the
 * same entities and the same tests pass on it.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/liquibase/changelog.xml")
class ShopLiquibaseTest extends ShopContract {

    /** Liquibase writes TIMESTAMP as TEXT on SQLite; the changelog's {@code <modifySql dbms="sqlite">} keeps TIMESTAMP. */
    @Test
    @EnabledOnEngine(Engine.SQLITE)
    void onSqliteTheTimestampColumnKeepsItsDeclaredType(Connection connection) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, "orders", "created_at")) {
            columns.next();
            assertThat(columns.getString("TYPE_NAME")).isEqualTo("TIMESTAMP");
        }
    }
}
