package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * An external PostgreSQL server whose user may not create databases (no {@code CREATEDB}, not a superuser): each
 * database dbtestkit asks for is a schema of the database the URL names instead, reached through pgjdbc's
 * {@code currentSchema} URL parameter, marked with its owner like a database (so a killed JVM's schemas are dropped
 * by the next run) and dropped with {@code CASCADE} when it is closed. Copies ({@code FRESH_DATABASE}) are refused:
 * a schema has no cheap {@code CREATE DATABASE ... TEMPLATE}.
 */
final class PostgresSchemaServer implements DatabaseServer {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** How long dropping a schema waits for locks other sessions hold on its tables, before it gives up with a warning. */
    private static final String DROP_LOCK_TIMEOUT = "10s";
    private static final String OTHER_PROVIDERS = PostgresSettings.PROVIDER + "=embedded|testcontainers|local";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSchemaServer.class);

    private final PostgresServer server;
    private final String database;
    private final UnaryOperator<String> urlOfSchema;
    private final OpenInstances instances = new OpenInstances();
    private boolean closed;

    private PostgresSchemaServer(PostgresServer server, String database, UnaryOperator<String> urlOfSchema) {
        this.server = server;
        this.database = database;
        this.urlOfSchema = urlOfSchema;
    }

    /**
     * Schemas of the database {@code server} is connected to, instead of databases; says so once at WARN.
     *
     * @param server      the server reached with the user's URL and credentials; closing this one closes it
     * @param urlOfSchema the user's URL with {@code currentSchema} set to a schema's name
     */
    static PostgresSchemaServer on(PostgresServer server, UnaryOperator<String> urlOfSchema) {
        String database;
        try (Connection admin = admin(server); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            database = rs.getString(1);
        } catch (SQLException e) {
            server.close();
            throw new ProvisioningException("PostgreSQL (" + server.provider() + ") at " + Secrets.maskUrl(server.jdbcUrl())
                    + " does not answer: " + Secrets.scrub(e.getMessage(), password(server)), e);
        }
        LOG.warn(notice(server.jdbcUrl(), server.username(), database));
        return new PostgresSchemaServer(server, database, urlOfSchema);
    }

    /** What the WARN line says: what happens instead of a database per run, and the grant that avoids it. */
    static String notice(String url, String username, String database) {
        return "PostgreSQL (external) at " + Secrets.maskUrl(url) + ": " + user(username)
                + " may not create databases, so each database of this run is a schema of database '" + database
                + "' instead, dropped with CASCADE when done (Isolation.FRESH_DATABASE needs databases and fails). "
                + "For a database per run, grant it: ALTER ROLE " + role(username) + " CREATEDB.";
    }

    /** Whether the user of {@code admin} may run {@code CREATE DATABASE}: it has {@code CREATEDB} or is a superuser. */
    static boolean mayCreateDatabases(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            // no row: a role pg_roles does not show (it always shows the current one); let CREATE DATABASE decide
            return !rs.next() || rs.getBoolean(1);
        }
    }

    @Override
    public EngineKind engine() {
        return EngineKind.POSTGRESQL;
    }

    @Override
    public Provider provider() {
        return server.provider();
    }

    @Override
    public String version() {
        return server.version();
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The database whose schemas stand in for databases. */
    String database() {
        return database;
    }

    /** {@code CREATE SCHEMA name}, marked with this JVM as its owner; its data source's connections use it alone. */
    @Override
    public DatabaseInstance createDatabase(String name) {
        DatabaseNames.requireValid(name);
        instances.claim(name);
        try (Connection admin = admin(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
            markOwner(admin, name);
            Properties credentials = server.credentials();
            PostgresDatabase schema = new PostgresDatabase(name, urlOfSchema.apply(name), credentials,
                    "PostgreSQL (" + server.provider() + ")", this::drop, kept -> instances.release(kept.name()));
            instances.register(schema);
            LOG.debug("Created schema {} in PostgreSQL database {}", name, database);
            return schema;
        } catch (SQLException e) {
            instances.release(name);
            throw new ProvisioningException(createFailure(name, e), e);
        } catch (RuntimeException e) {
            instances.release(name);
            throw e;
        }
    }

    private String createFailure(String name, SQLException e) {
        String reason = Secrets.scrub(e.getMessage(), password(server));
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return capitalized(user(server.username())) + " may neither create databases on " + Secrets.maskUrl(server.jdbcUrl())
                    + " nor schemas in database '" + database + "' (" + reason + "): grant one with ALTER ROLE "
                    + role(server.username()) + " CREATEDB (a database per run) or GRANT CREATE ON DATABASE " + database
                    + " TO " + role(server.username()) + " (a schema per run), use a superuser, or set " + OTHER_PROVIDERS + ".";
        }
        return "Cannot create schema '" + name + "' in PostgreSQL database '" + database + "' on "
                + Secrets.maskUrl(server.jdbcUrl()) + ": " + reason;
    }

    /**
     * Refused: {@code CREATE DATABASE ... TEMPLATE} is what makes a copy cheap, and the user may not run it. Copying a
     * schema table by table (or re-running the migrations) per test would be slow and would not copy everything a
     * template does (functions' dependencies, sequences' states, grants), so the message names the grant instead.
     */
    @Override
    public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
        throw new ProvisioningException("Isolation.FRESH_DATABASE needs a copy of '" + template.name() + "' for each test, but "
                + user(server.username()) + " may not create databases on " + Secrets.maskUrl(server.jdbcUrl())
                + ", so this run uses a schema per database in database '" + database + "', and a schema cannot be copied "
                + "the way CREATE DATABASE ... TEMPLATE copies a database: grant it with ALTER ROLE " + role(server.username())
                + " CREATEDB, use Isolation.ROLLBACK for this class, or set " + OTHER_PROVIDERS + ".");
    }

    /**
     * Names this JVM in the schema's comment, as {@code PostgresServer} does for databases, so that a later run can
     * drop it if this JVM is killed first (see {@link #dropLeftovers()}). Best effort.
     */
    private static void markOwner(Connection admin, String name) {
        try (Statement statement = admin.createStatement()) {
            statement.execute("COMMENT ON SCHEMA " + name + " IS '" + ProcessOwner.current().marker().replace("'", "''") + "'");
        } catch (SQLException e) {
            LOG.debug("Could not mark schema {} with its owner: {}", name, e.getMessage());
        }
    }

    /**
     * Drops the schemas of this database that the same user created from a JVM of this host that was killed before it
     * dropped them: their comment names an owner that no longer runs. Schemas of live JVMs, of other hosts or users,
     * and schemas without dbtestkit's comment are left alone. Never throws.
     *
     * @return the names of the schemas dropped
     */
    List<String> dropLeftovers() {
        List<String> dropped = new ArrayList<>();
        try (Connection admin = admin(server)) {
            var marked = ProcessOwner.leftByTheDead(admin, "SELECT n.nspname, d.description FROM pg_namespace n"
                    + " JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0"
                    + " WHERE n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND d.description LIKE ?");
            for (var entry : marked.entrySet()) {
                String name = entry.getKey();
                ProcessOwner owner = entry.getValue();
                try {
                    dropSchema(admin, name);
                    dropped.add(name);
                    LOG.info("Dropped schema {} of PostgreSQL database {} on {}, left behind by a JVM (pid {}) that ended without dropping it",
                            name, database, Secrets.maskUrl(server.jdbcUrl()), owner.pid());
                } catch (SQLException e) {
                    LOG.warn("Could not drop schema {} of PostgreSQL database {} left behind by a JVM (pid {}) on {}: {}", name,
                            database, owner.pid(), Secrets.maskUrl(server.jdbcUrl()), e.getMessage());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not look for schemas left behind in {} on {}: {}", database, Secrets.maskUrl(server.jdbcUrl()), e.toString());
        }
        return dropped;
    }

    private static void dropSchema(Connection admin, String name) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SET lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private void drop(PostgresDatabase schema) {
        try (Connection admin = admin(server)) {
            dropSchema(admin, schema.name());
            LOG.debug("Dropped schema {} of PostgreSQL database {}", schema.name(), database);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop schema {} of PostgreSQL database {} on {}: {} — drop it with DROP SCHEMA {} CASCADE",
                    schema.name(), database, Secrets.maskUrl(server.jdbcUrl()), e.getMessage(), schema.name());
        } finally {
            instances.release(schema.name());
        }
    }

    private static Connection admin(PostgresServer server) throws SQLException {
        return new DriverDataSource(JdbcDriver.POSTGRESQL, server.jdbcUrl(), server.credentials()).getConnection();
    }

    private static String password(PostgresServer server) {
        return server.credentials().getProperty("password", "");
    }

    private static String user(String username) {
        return username.isEmpty() ? "the configured user" : "user '" + username + "'";
    }

    private static String role(String username) {
        return username.isEmpty() ? "<user>" : username;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Drops the schemas still open; the server itself keeps running (it is the user's). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            instances.closeAll();
        } finally {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version() + " (" + provider() + ", schemas of " + database + ")";
    }
}
