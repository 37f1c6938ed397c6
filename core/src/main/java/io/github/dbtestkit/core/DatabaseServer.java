package io.github.dbtestkit.core;

import org.apiguardian.api.API;

/**
 * A running engine that hands out databases: an in-memory engine, or a PostgreSQL server from one provider.
 * Started at most once per (engine, provider) by a {@link DatabaseProvisioner}, which stops it when it is closed.
 *
 * <pre>{@code
 * DatabaseServer server = provisioner.server(EngineKind.H2);
 * try (DatabaseInstance db = server.createDatabase("dbtestkit_1f2e")) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DatabaseServer extends AutoCloseable {

    /** The engine this server runs. */
    EngineKind engine();

    /** The provider that started it: {@code in-memory}, {@code embedded}, {@code testcontainers}, {@code external} or {@code local}. */
    Provider provider();

    /** The server's version as it reports it, e.g. {@code 17.11} or {@code 2.5.252}. */
    String version();

    /**
     * A JDBC URL that reaches the server itself, for logs and messages: PostgreSQL's {@code postgres} database, or the
     * URL prefix of an in-memory engine. It may carry a password: mask it before showing it.
     */
    String jdbcUrl();

    /**
     * Creates a new, empty database. The caller owns it and closes it to drop it.
     *
     * @param name lower-case letters, digits and underscores, unique within this server
     */
    DatabaseInstance createDatabase(String name);

    /**
     * Creates a new database holding a copy of {@code template}'s schema and data, as fast as the engine allows
     * (PostgreSQL: {@code CREATE DATABASE ... TEMPLATE}). No connection to {@code template} may be open while it runs
     * on PostgreSQL; the caller ensures that.
     */
    DatabaseInstance cloneDatabase(DatabaseInstance template, String name);

    /**
     * Creates a new database holding the schema that {@code build} applies to an empty one. A server that keeps
     * templates across runs (PostgreSQL under {@code dbtestkit.postgresql.template-cache}) builds once per
     * {@code contentKey}, under a temporary name renamed when complete, and copies that template; the others call
     * {@code build} on the new database.
     *
     * <pre>{@code
     * DatabaseInstance db = server.createDatabase("orders", "flyway " + checksum, empty -> migrate(empty.dataSource()));
     * }</pre>
     *
     * @param contentKey everything the schema depends on, e.g. the migrations' location and checksum: equal keys must
     *                   give equal schemas (the server's version is added by the server)
     * @param build      applies the schema; when it throws, the database it was given is dropped, nothing is kept, and
     *                   the exception propagates
     */
    default DatabaseInstance createDatabase(String name, String contentKey, java.util.function.Consumer<DatabaseInstance> build) {
        DatabaseInstance database = createDatabase(name);
        try {
            build.accept(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** Stops the server, deletes its files and releases its port. Idempotent; never throws. */
    @Override
    void close();
}
