package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.EngineKind;

/** The test fixtures under src/test/resources/migration-fixtures, resolved with the test class loader. */
final class Fixtures {

    static final String ROOT = "migration-fixtures/";

    private Fixtures() {
    }

    static ResolvedMigrations resolve(String fixture, EngineKind engine) {
        return MigrationLocation.parse("classpath:" + ROOT + fixture).resolve(engine, Fixtures.class.getClassLoader());
    }
}
