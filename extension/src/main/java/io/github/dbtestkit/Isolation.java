package io.github.dbtestkit;

import org.apiguardian.api.API;
/**
 * How tests of a {@link DatabaseTest} class are kept apart.
 *
 * <pre>{@code
 * @DatabaseTest(isolation = Isolation.ROLLBACK) // the default
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Isolation {
    /**
     * Each test, with its {@code @BeforeEach} and {@code @AfterEach} methods, runs in one transaction that is rolled
     * back afterwards. Commits, rollbacks and closes by code under test are contained with savepoints.
     */
    ROLLBACK,
    /** Each test gets a new database with the schema already applied (cloned where the engine allows). */
    FRESH_DATABASE,
    /** Plain auto-commit connections to the shared database; the test cleans up after itself. */
    NONE
}
