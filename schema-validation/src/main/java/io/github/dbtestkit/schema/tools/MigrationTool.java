package io.github.dbtestkit.schema.tools;

import org.apiguardian.api.API;

/**
 * The migration tool a generated fix-up migration is written for.
 *
 * <pre>{@code
 * MigrationScript script = MigrationGenerator.forEntities(Post.class).against(dataSource)
 *         .generate(MigrationTool.LIQUIBASE, "add_phone");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum MigrationTool {
    /** A Flyway SQL migration, {@code V<version>__<name>.sql}. */
    FLYWAY,
    /** A Liquibase formatted SQL changelog with one changeset, {@code <version>-<name>.sql}. */
    LIQUIBASE
}
