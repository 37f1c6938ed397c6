package com.example.shop;

import io.github.dbtestkit.AcceptedDifference;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.MigrationCheckSuite;

/**
 * The built-in migration checks on the shop's Flyway scripts, on every engine: they apply from empty and one at a
 * time, no version is duplicated, and the migrated schema matches the entities and equals what create_all of them
 * would build, apart from the CHECK constraints only the migrations declare (accepted below, with the reason). (The
 * rollback round trip is Liquibase's and is skipped here.) The checks make databases of their own;
 * the class's own is the shop's migrated database, shared with {@link ShopFlywayTest}.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/flyway/{engine}")
@AcceptedDifference(value = "products: UNMAPPED_CHECK_CONSTRAINT",
        reason = "CHECK (stock >= 0) is the database's guard; the entities do not repeat it")
@AcceptedDifference(value = "orders: UNMAPPED_CHECK_CONSTRAINT",
        reason = "CHECK (quantity > 0) is the database's guard; the entities do not repeat it")
class ShopFlywayMigrationChecksTest implements MigrationCheckSuite {
}
