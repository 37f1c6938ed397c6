package io.github.dbtestkit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in checks of a {@link DatabaseTest} class's migrations, switched on by implementing this interface: six
 * tests, run on every engine of the class, each on new empty databases of its own (pytest-alembic's set, for Flyway
 * and Liquibase).
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.POSTGRESQL}, entities = {User.class}, migrations = "classpath:db/shop")
 * class ShopMigrationsTest implements MigrationCheckSuite { }
 * }</pre>
 *
 * <ol>
 *   <li>every migration applies to an empty database;</li>
 *   <li>the migrations apply one at a time, in order, each on top of the last;</li>
 *   <li>no two migrations share a version (Liquibase: no two changesets share id + author + file, nor an id);</li>
 *   <li>after migrating, the schema matches the class's entities;</li>
 *   <li>Liquibase only: rolling every changeset back gives the empty schema, and updating again the same schema;</li>
 *   <li>the migrated schema equals what create_all of the entities produces, apart from the differences listed with
 *       {@link AcceptedDifference}.</li>
 * </ol>
 *
 * <p>Checks 4 and 6 need {@code entities}; without them they are skipped, as check 5 is for Flyway. The tests carry
 * the tag {@code migration-checks}. The class's own database is prepared as usual first (migrated and, with entities,
 * validated), so a broken migration or a drifted schema fails all six tests with the setup's message. To have each
 * check report in its own words instead, set {@code schema = SchemaMode.NONE, validateSchema = false}: the class's own
 * database then stays empty and unchecked, and only the checks' databases are migrated.
 * Each check can also be called from a test of your own through {@link MigrationChecker}.
 * The checks run in their numbered order (JUnit's {@code OrderAnnotation}), unless the class chooses another
 * {@code @TestMethodOrder}.
 */
@Tag("migration-checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(MigrationCheckExtension.class)
@API(status = API.Status.STABLE, since = "0.1")
public interface MigrationCheckSuite {

    /** Check 1: every migration applies, in one go, to an empty database. */
    @Test
    @Order(1)
    @DisplayName("1. every migration applies to an empty database")
    default void everyMigrationAppliesToAnEmptyDatabase(MigrationChecker checks) {
        checks.appliesFromEmpty();
    }

    /** Check 2: the migrations apply one version at a time, each step on top of the last. */
    @Test
    @Order(2)
    @DisplayName("2. the migrations apply one at a time, in order")
    default void theMigrationsApplyOneAtATime(MigrationChecker checks) {
        checks.appliesOneAtATime();
    }

    /** Check 3: no duplicated version (Flyway) or changeset identity (Liquibase). */
    @Test
    @Order(3)
    @DisplayName("3. no two migrations share a version")
    default void noTwoMigrationsShareAVersion(MigrationChecker checks) {
        checks.hasNoDuplicateVersions();
    }

    /** Check 4: after migrating, the schema matches the entities. */
    @Test
    @Order(4)
    @DisplayName("4. the migrated schema matches the entities")
    default void theMigratedSchemaMatchesTheEntities(MigrationChecker checks) {
        checks.matchesEntities();
    }

    /** Check 5 (Liquibase): update, roll back one changeset at a time, update again: the same schema each way. */
    @Test
    @Order(5)
    @DisplayName("5. rolling back and updating again gives the same schema")
    default void rollingBackAndUpdatingAgainGivesTheSameSchema(MigrationChecker checks) {
        checks.rollbackRoundTrip();
    }

    /** Check 6: the migrated schema equals create_all of the entities, apart from accepted differences. */
    @Test
    @Order(6)
    @DisplayName("6. the migrated schema equals create_all of the entities")
    default void theMigratedSchemaEqualsCreateAll(MigrationChecker checks) {
        checks.equalsCreateAll();
    }
}
