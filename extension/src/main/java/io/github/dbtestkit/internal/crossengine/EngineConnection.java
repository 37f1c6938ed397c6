package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.Engine;
import org.apiguardian.api.API;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * One engine's side of a cross-engine test: a connection in manual-commit mode inside that engine's transaction, the
 * engine's Hibernate factory (built on first JPQL query), and what ends the transaction after the test.
 *
 * <pre>{@code
 * EngineConnection h2 = new EngineConnection(Engine.H2, connection, database::sessionFactory, transaction);
 * }</pre>
 *
 * @param engine         the engine
 * @param connection     the connection statements run on; auto-commit off
 * @param sessionFactory the engine's factory, for JPQL
 * @param end            rolls back the engine's work and releases the connection
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EngineConnection(Engine engine, Connection connection, Supplier<SessionFactory> sessionFactory,
                               AutoCloseable end) {
}
