package com.example.evolution;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.MigrationCheckSuite;

/** The built-in migration checks on the evolution's two migrations, on every engine. */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Account.class,
        migrations = "classpath:db/evolution")
class AccountMigrationChecksTest implements MigrationCheckSuite {
}
