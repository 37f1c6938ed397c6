package com.example.shop;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shop, schema-first: the DBA's Flyway scripts build the schema on each engine (one folder per engine, picked by
 * {@code {engine}}), and the entities are written to match it.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/flyway/{engine}")
class ShopFlywayTest extends ShopContract {

    /** The pitfall the savepoint above avoids: after an error PostgreSQL refuses every statement until a rollback. */
    @Test
    @EnabledOnEngine(Engine.POSTGRESQL)
    void onPostgresqlAFailedStatementAbortsTheRestOfTheTransaction(Connection connection) {
        assertThatThrownBy(() -> insertProduct(connection, "Broken pen", -1)).isInstanceOf(SQLException.class);

        assertThatThrownBy(() -> count(connection, "products"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("current transaction is aborted");
    }
}
