package io.github.dbtestkit.migration;

import io.github.dbtestkit.Engine;

/** The test fixtures under src/test/resources/migration-fixtures, resolved with the test class loader. */
final class Fixtures {

    static final String ROOT = "migration-fixtures/";

    private Fixtures() {
    }

    static ResolvedMigrations resolve(String fixture, Engine engine) {
        return MigrationLocation.parse("classpath:" + ROOT + fixture).resolve(engine, Fixtures.class.getClassLoader());
    }
}
