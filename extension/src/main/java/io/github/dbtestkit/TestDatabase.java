package io.github.dbtestkit;

import org.apiguardian.api.API;
import javax.sql.DataSource;

/**
 * The database a test runs against, injectable into test methods, lifecycle methods and constructors.
 *
 * <pre>{@code
 * @Test void url(TestDatabase db) { assertThat(db.jdbcUrl()).startsWith("jdbc:"); }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface TestDatabase {

    /** The engine of the current run of the class. */
    Engine engine();

    /** A JDBC URL for the database, for tools that want one; connections opened through it are outside the test's transaction. */
    String jdbcUrl();

    /** The user name for {@link #jdbcUrl()}, or an empty string where the engine has none. */
    String username();

    /** The same {@code DataSource} that is injected: under {@link Isolation#ROLLBACK}, its connections join the test's transaction. */
    DataSource dataSource();
}
