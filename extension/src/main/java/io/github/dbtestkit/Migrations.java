package io.github.dbtestkit;

import org.apiguardian.api.API;
import javax.sql.DataSource;
import java.util.List;

/**
 * The class's migrations, on a database of their own that starts empty: for tests of the migrations themselves,
 * such as writing rows at one version and checking they survive the next.
 *
 * <pre>{@code
 * @Test void backfills(Migrations migrations) { migrations.migrateTo("1"); ...; migrations.migrateTo("2"); ... }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Migrations {

    /** Every version available in the location, in order, applied or not. */
    List<String> versions();

    /**
     * Applies pending migrations up to and including {@code version}.
     *
     * @throws DatabaseTestException when the version is unknown (the message lists the known ones) or a migration
     *                               fails (the message names its file and line)
     */
    void migrateTo(String version);

    /**
     * Applies every pending migration.
     *
     * @throws DatabaseTestException when a migration fails, naming its file and line
     */
    void migrateAll();

    /** Plain auto-commit connections to this migration database (not the test's transaction). */
    DataSource dataSource();
}
