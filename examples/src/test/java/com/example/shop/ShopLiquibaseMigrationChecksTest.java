package com.example.shop;

import io.github.dbtestkit.AcceptedDifference;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.MigrationCheckSuite;

/**
 * The built-in migration checks on the shop's Liquibase changelog, on every engine, including the rollback round
 * trip: every changeset rolls back (Liquibase derives most rollbacks; the SQL changeset declares its own).
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/liquibase/changelog.xml")
@AcceptedDifference(value = "products: UNMAPPED_CHECK_CONSTRAINT",
        reason = "CHECK (stock >= 0) is the database's guard; the entities do not repeat it")
class ShopLiquibaseMigrationChecksTest implements MigrationCheckSuite {
}
