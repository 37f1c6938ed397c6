package com.example.shop;

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
class ShopLiquibaseMigrationChecksTest implements MigrationCheckSuite {
}
