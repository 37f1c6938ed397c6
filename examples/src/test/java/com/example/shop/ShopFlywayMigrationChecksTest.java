package com.example.shop;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.MigrationCheckSuite;

/**
 * The built-in migration checks on the shop's Flyway scripts, on every engine: they apply from empty and one at a
 * time, no version is duplicated, and the migrated schema matches the entities and equals what create_all of them
 * would build. (The rollback round trip is Liquibase's and is skipped here.) The checks make databases of their own;
 * the class's own is the shop's migrated database, shared with {@link ShopFlywayTest}.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        entities = {User.class, Product.class, Order.class},
        migrations = "classpath:db/shop/flyway/{engine}")
class ShopFlywayMigrationChecksTest implements MigrationCheckSuite {
}
