package io.github.dbtestkit.internal.inject;

import org.apiguardian.api.API;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.TestDatabase;

import javax.sql.DataSource;

/**
 * The {@link TestDatabase} handed to tests.
 *
 * <pre>{@code
 * TestDatabase db = new TestDatabaseHandle(Engine.H2, "jdbc:h2:mem:x", "sa", dataSource);
 * }</pre>
 *
 * @param engine     the engine
 * @param jdbcUrl    a URL that reaches the database
 * @param username   its user
 * @param dataSource the injected data source
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TestDatabaseHandle(Engine engine, String jdbcUrl, String username, DataSource dataSource) implements TestDatabase {
}
