package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;

import java.util.List;

/** One tool's way of listing and applying the migrations of a resolved location on one database. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface MigrationRunner {

    /** Every version that applies to this engine, in the order the tool applies them. */
    List<String> versions();

    /** The versions already applied, in order. */
    List<String> appliedVersions();

    /** Applies every pending migration. */
    void migrateAll();

    /**
     * Applies pending migrations up to and including {@code version}; nothing when it is already applied.
     *
     * @throws MigrationException when {@link #versions()} does not hold {@code version}
     */
    void migrateTo(String version);

    /** One line per duplicated version (or, for Liquibase, changeset identity); empty when there is none. */
    List<String> duplicates();

    /** Rolls back the most recently applied migration. */
    void rollbackLast();

    /** The error for a version the location does not have, listing those it has. */
    static MigrationException unknownVersion(String version, List<String> versions, ResolvedMigrations migrations) {
        return new MigrationException("Unknown migration version '" + version + "' for " + migrations.resolvedLocation()
                + " on " + migrations.engine().displayName() + ": the versions are " + String.join(", ", versions) + ".");
    }
}
