package io.github.dbtestkit.migration;

import java.util.List;

/** One tool's way of listing and applying the migrations of a resolved location on one database. */
interface MigrationRunner {

    /** Every version that applies to this engine, in the order the tool applies them. */
    List<String> versions();

    /** The versions already applied, in order. */
    List<String> appliedVersions();

    /** Applies every pending migration. */
    void migrateAll();

    /** Applies pending migrations up to and including {@code version}, which {@link #versions()} holds. */
    void migrateTo(String version);

    /** One line per duplicated version (or, for Liquibase, changeset identity); empty when there is none. */
    List<String> duplicates();

    /** Rolls back the most recently applied migration. */
    void rollbackLast();
}
