package io.github.dbtestkit;

import org.apiguardian.api.API;
/**
 * How a {@link DatabaseTest} gets its schema.
 *
 * <pre>{@code
 * @DatabaseTest(schema = SchemaMode.MIGRATIONS, migrations = "classpath:db/migration/{engine}")
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum SchemaMode {
    /**
     * {@link #MIGRATIONS} when {@code migrations} is set or {@code db/migration} / {@code db/changelog} exists on the
     * classpath; else {@link #CREATE_ALL} when entities are known; else {@link #NONE}.
     */
    AUTO,
    /** DDL generated from the entities by Hibernate's schema tooling for the engine's dialect. */
    CREATE_ALL,
    /** The project's Flyway migrations (a folder) or Liquibase changelog (a file). */
    MIGRATIONS,
    /** An empty database: the test creates what it needs. */
    NONE
}
