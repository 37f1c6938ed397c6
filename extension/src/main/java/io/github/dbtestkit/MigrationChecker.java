package io.github.dbtestkit;

import org.apiguardian.api.API;
/**
 * Runs the built-in migration checks of the {@link DatabaseTest} class's migrations on the current engine, each on new
 * empty databases that are dropped after the test. Injected into the tests of a class that implements
 * {@link MigrationCheckSuite}; a test of your own in such a class may take it too, to run one check with a name of
 * your choosing.
 *
 * <pre>{@code
 * @Test void stepwise(MigrationChecker checks) { checks.appliesOneAtATime(); }
 * }</pre>
 *
 * <p>Each method returns normally when the check passes, throws an {@link AssertionError} that lists every problem
 * found (the check, the location, the engine, one problem per line) when it fails, and aborts the test (reported as
 * skipped, with the reason) when the check does not apply: the rollback round trip for Flyway, the entity checks for a
 * class without entities.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface MigrationChecker {

    /** Check 1: every migration applies, in one go, to an empty database. */
    void appliesFromEmpty();

    /**
     * Check 2: the migrations apply one version at a time, in order, each on top of the last; after each step that
     * version is applied and no later one.
     */
    void appliesOneAtATime();

    /** Check 3: no two Flyway migrations share a version; no two Liquibase changesets share id + author + file, or an id. */
    void hasNoDuplicateVersions();

    /** Check 4: after every migration is applied, the schema matches the class's entities. */
    void matchesEntities();

    /** Check 5, Liquibase only: update, roll back one changeset at a time, update again; the schemas must agree. */
    void rollbackRoundTrip();

    /**
     * Check 6: the migrated schema equals the one create_all of the class's entities produces on another empty
     * database (tables, columns with type, size and nullability, primary keys, foreign keys, indexes), apart from the
     * differences the class lists with {@link AcceptedDifference}.
     */
    void equalsCreateAll();
}
