package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A running PostgreSQL server, whichever provider started it: databases are created with {@code CREATE DATABASE},
 * copied with {@code CREATE DATABASE ... TEMPLATE} and dropped with {@code DROP DATABASE ... WITH (FORCE)}.
 * Closing it drops the databases still open, then runs the provider's own shutdown (stop the cluster or container;
 * nothing for an external server).
 */
final class PostgresServer implements DatabaseServer {

    /** SQLSTATE of "source database is being accessed by other users". */
    private static final String OBJECT_IN_USE = "55006";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final int CLONE_ATTEMPTS = 10;
    /**
     * Seconds the driver waits for a server to accept a connection, unless the URL sets {@code connectTimeout}
     * itself: pgjdbc's own default (10 s) per connection makes an unreachable host slow to report, test after test.
     */
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private final Provider provider;
    private final String adminUrl;
    private final Properties credentials;
    private final UnaryOperator<String> urlOfDatabase;
    private final Runnable shutdown;
    private final String version;
    private final int majorVersion;
    private final OpenInstances instances = new OpenInstances();
    /** Reused by {@code CREATE DATABASE} and {@code DROP DATABASE}; closed with the server. */
    private final AdminConnections adminConnections = new AdminConnections(this::admin);
    private volatile TemplateCache templates;
    private boolean closed;

    private PostgresServer(Provider provider, String adminUrl, Properties credentials, UnaryOperator<String> urlOfDatabase,
                           Runnable shutdown, String version, int majorVersion) {
        this.provider = provider;
        this.adminUrl = adminUrl;
        this.credentials = credentials;
        this.urlOfDatabase = urlOfDatabase;
        this.shutdown = shutdown;
        this.version = version;
        this.majorVersion = majorVersion;
    }

    /**
     * Connects to a server a provider made available and checks that it answers.
     *
     * @param adminUrl      a URL of a database to connect to for {@code CREATE DATABASE}, usually {@code postgres}
     * @param urlOfDatabase the URL of another database on the same server, from its name
     * @param shutdown      what closing the server does after dropping its databases; run also when this fails
     */
    static PostgresServer connect(Provider provider, String adminUrl, String username, String password,
                                  UnaryOperator<String> urlOfDatabase, Runnable shutdown) {
        try {
            JdbcDriver.POSTGRESQL.require(ClassPresence.onClasspath());
        } catch (RuntimeException e) {
            shutdown.run();
            throw e;
        }
        Properties credentials = new Properties();
        // a property, so a connectTimeout in the URL still wins (pgjdbc reads URL parameters over properties)
        credentials.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        if (!username.isEmpty()) {
            credentials.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        DriverDataSource admin = new DriverDataSource(JdbcDriver.POSTGRESQL, adminUrl, credentials);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            DatabaseMetaData metaData = connection.getMetaData();
            return new PostgresServer(provider, adminUrl, credentials, urlOfDatabase, shutdown,
                    rs.getString(1).split(" ")[0], metaData.getDatabaseMajorVersion());
        } catch (SQLException | RuntimeException e) {
            shutdown.run();
            throw new ProvisioningException(connectFailure(provider, adminUrl, username, password, e), e);
        }
    }

    /** SQLSTATE class 28: invalid authorization (a wrong password, an unknown role, no pg_hba.conf entry). */
    private static final String AUTHORIZATION_CLASS = "28";

    /** Why the first connection failed, in the user's terms: credentials, an unreachable host, or the driver's reason. */
    static String connectFailure(Provider provider, String adminUrl, String username, String password, Exception e) {
        String where = "PostgreSQL (" + provider + ") at " + Secrets.maskUrl(adminUrl);
        String reason = Secrets.scrub(Secrets.maskUrl(e.getMessage()), password);
        boolean external = provider == Provider.EXTERNAL;
        if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(AUTHORIZATION_CLASS)) {
            return where + " refused the login of " + (username.isEmpty() ? "the configured user" : "user '" + username + "'")
                    + ": " + reason + (external ? " — check dbtestkit.postgresql.username and dbtestkit.postgresql.password "
                    + "(or DBTESTKIT_POSTGRESQL_PASSWORD), and that pg_hba.conf lets this user in from this machine." : "");
        }
        if (causedBy(e, java.net.SocketTimeoutException.class)) {
            return where + " does not answer within " + timeoutOf(adminUrl) + " s (connectTimeout): " + reason
                    + " — check the host and port" + (external ? " in dbtestkit.postgresql.url" : "")
                    + ", and that no firewall drops the connection; set connectTimeout=<seconds> in the URL to wait longer.";
        }
        boolean connectionClass = e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
        if (connectionClass || causedBy(e, java.io.IOException.class)) {
            return where + " does not answer: " + reason + " — check the host and port"
                    + (external ? " in dbtestkit.postgresql.url" : "") + ", and that the server runs.";
        }
        return where + " does not answer: " + reason;
    }

    private static String timeoutOf(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]connectTimeout=(\\d+)").matcher(url);
        return m.find() ? m.group(1) : Integer.toString(CONNECT_TIMEOUT_SECONDS);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public EngineKind engine() {
        return EngineKind.POSTGRESQL;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String jdbcUrl() {
        return adminUrl;
    }

    String username() {
        return credentials.getProperty("user", "");
    }

    /** The login properties (user, password, connect timeout) every connection to this server uses; a copy. */
    Properties credentials() {
        return (Properties) credentials.clone();
    }

    @Override
    public DatabaseInstance createDatabase(String name) {
        return create(name, null);
    }

    /**
     * Keeps migrated templates on this server across runs ({@code dbtestkit.postgresql.template-cache}): from now on
     * {@link #createDatabase(String, String, java.util.function.Consumer)} copies them.
     */
    PostgresServer withTemplateCache(TemplateCache cache) {
        this.templates = cache;
        return this;
    }

    /** Copies the cached template of {@code contentKey}, building it first if this server has none. */
    @Override
    public DatabaseInstance createDatabase(String name, String contentKey, java.util.function.Consumer<DatabaseInstance> build) {
        TemplateCache cache = templates;
        if (cache == null) {
            return DatabaseServer.super.createDatabase(name, contentKey, build);
        }
        return cache.obtain(this, DatabaseNames.requireValid(name), contentKey, build);
    }

    /** The cluster whose snapshot keeps this server's cached templates, if it is one dbtestkit runs with a cache. */
    java.util.Optional<PostgresCluster> cluster() {
        TemplateCache cache = templates;
        return cache == null ? java.util.Optional.empty() : cache.cluster();
    }

    /** {@code CREATE DATABASE name TEMPLATE template}, for a template the caller knows by name only. */
    DatabaseInstance cloneFrom(String template, String name) {
        return create(name, DatabaseNames.requireValid(template));
    }

    /** A new connection to the admin database, in auto-commit mode. */
    Connection adminConnection() throws SQLException {
        return admin();
    }

    /** Drops a database by name, ending its sessions first. */
    void dropByName(Connection admin, String name) throws SQLException {
        dropDatabase(admin, DatabaseNames.requireValid(name));
    }

    /**
     * {@code CREATE DATABASE name TEMPLATE template}. PostgreSQL refuses while anyone is connected to the template, so
     * then connections still open to it are terminated (the caller should have closed them; pools may not have), and
     * the statement is retried while terminated sessions are still exiting.
     */
    @Override
    public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
        return create(name, DatabaseNames.requireValid(template.name()));
    }

    private DatabaseInstance create(String name, String template) {
        DatabaseNames.requireValid(name);
        instances.claim(name);
        try {
            onAdmin(admin -> {
                createOn(admin.connection(), name, template);
                markOwner(admin, name);
            });
            PostgresDatabase database = new PostgresDatabase(name, urlOfDatabase.apply(name), credentials,
                    "PostgreSQL (" + provider + ")", this::drop,
                    kept -> instances.release(kept.name()));
            instances.register(database);
            LOG.debug(template == null ? "Created PostgreSQL database {}" : "Created PostgreSQL database {} from {}", name, template);
            return database;
        } catch (SQLException e) {
            instances.release(name);
            throw new ProvisioningException(createFailure(name, template, e), e);
        } catch (RuntimeException e) {
            instances.release(name);
            throw e;
        }
    }

    /**
     * {@code CREATE DATABASE}, one round trip when nobody is connected to the template. PostgreSQL refuses to copy a
     * template someone is connected to (55006): only then are its sessions ended (the caller should have closed them;
     * pools may not have), and the statement is retried while the ended sessions are still exiting.
     */
    private static void createOn(Connection admin, String name, String template) throws SQLException {
        String sql = "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template);
        for (int attempt = 1; ; attempt++) {
            try (Statement statement = admin.createStatement()) {
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                if (template == null || !OBJECT_IN_USE.equals(e.getSQLState()) || attempt == CLONE_ATTEMPTS) {
                    throw e;
                }
            }
            terminateConnections(admin, template);
            pause(attempt);
        }
    }

    /** Work on an admin connection, which may fail with the {@link SQLException} it is given. */
    @FunctionalInterface
    private interface AdminWork {
        void run(AdminConnections.Lease admin) throws SQLException;
    }

    /**
     * Runs {@code work} on a reused admin connection; if that connection turns out broken (the server ended idle
     * sessions, or was restarted), once more on a new one, whose failure is then the caller's.
     */
    private void onAdmin(AdminWork work) throws SQLException {
        try (AdminConnections.Lease admin = adminConnections.lease()) {
            try {
                work.run(admin);
                return;
            } catch (SQLException e) {
                admin.failed(e);
                if (!admin.reused() || !AdminConnections.isConnectionFailure(e)) {
                    throw e;
                }
                LOG.debug("A reused admin connection to {} failed ({}); retrying on a new one", Secrets.maskUrl(adminUrl),
                        e.getMessage());
            }
        }
        try (AdminConnections.Lease admin = adminConnections.fresh()) {
            try {
                work.run(admin);
            } catch (SQLException e) {
                throw admin.failed(e);
            }
        }
    }

    private String createFailure(String name, String template, SQLException e) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            String user = username().isEmpty() ? "the configured user" : "User '" + username() + "'";
            return user + " may not create databases on " + Secrets.maskUrl(adminUrl) + " (" + e.getMessage()
                    + "): grant it with ALTER ROLE " + (username().isEmpty() ? "<user>" : username())
                    + " CREATEDB, use a superuser, or set dbtestkit.postgresql.provider=embedded|testcontainers|local.";
        }
        if (template != null) {
            return "Cannot copy PostgreSQL database '" + template + "' to '" + name + "': " + e.getMessage();
        }
        return "Cannot create PostgreSQL database '" + name + "' on " + Secrets.maskUrl(adminUrl) + ": " + e.getMessage();
    }

    /**
     * Names this JVM in the database's comment, so that a later run can drop it if this JVM is killed before it drops
     * the database itself (see {@link #dropLeftovers()}). A template's comment is not copied to its clones, so every
     * database is marked. Best effort: a database left unmarked is never dropped by anyone else.
     */
    private static void markOwner(AdminConnections.Lease admin, String name) {
        try (Statement statement = admin.connection().createStatement()) {
            statement.execute("COMMENT ON DATABASE " + name + " IS '" + ProcessOwner.current().marker().replace("'", "''") + "'");
        } catch (SQLException e) {
            admin.failed(e);
            LOG.debug("Could not mark PostgreSQL database {} with its owner: {}", name, e.getMessage());
        }
    }

    /**
     * Drops the databases that a JVM of this host created and never dropped because it was killed ({@code kill -9}, a
     * cancelled CI job, an IDE's stop button): their comment names an owner that no longer runs. Databases of live
     * JVMs, of other hosts, and databases without dbtestkit's comment are left alone. Never throws.
     *
     * @return the names of the databases dropped
     */
    java.util.List<String> dropLeftovers() {
        java.util.List<String> dropped = new java.util.ArrayList<>();
        try (Connection admin = admin()) {
            var marked = ProcessOwner.leftByTheDead(admin, "SELECT d.datname, s.description FROM pg_database d"
                    + " JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass"
                    + " WHERE s.description LIKE ?");
            for (var entry : marked.entrySet()) {
                String name = entry.getKey();
                ProcessOwner owner = entry.getValue();
                try {
                    dropDatabase(admin, name);
                    dropped.add(name);
                    LOG.info("Dropped PostgreSQL database {} on {}, left behind by a JVM (pid {}) that ended without dropping it",
                            name, Secrets.maskUrl(adminUrl), owner.pid());
                } catch (SQLException e) {
                    LOG.warn("Could not drop PostgreSQL database {} left behind by a JVM (pid {}) on {}: {}", name, owner.pid(),
                            Secrets.maskUrl(adminUrl), e.getMessage());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not look for PostgreSQL databases left behind on {}: {}", Secrets.maskUrl(adminUrl), e.toString());
        }
        return dropped;
    }

    private void dropDatabase(Connection admin, String name) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            if (majorVersion >= 13) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                terminateConnections(admin, name);
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private void drop(PostgresDatabase database) {
        try {
            onAdmin(admin -> dropDatabase(admin.connection(), database.name()));
            LOG.debug("Dropped PostgreSQL database {}", database.name());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop PostgreSQL database {} on {}: {}", database.name(), Secrets.maskUrl(adminUrl), e.getMessage());
        } finally {
            instances.release(database.name());
        }
    }

    static void terminateConnections(Connection admin, String database) throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            terminate.executeQuery().close();
        }
    }

    private static void pause(int attempt) {
        try {
            // Terminated sessions exit within milliseconds; back off briefly rather than spin.
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection admin() throws SQLException {
        return new DriverDataSource(JdbcDriver.POSTGRESQL, adminUrl, credentials).getConnection();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            instances.closeAll();
            TemplateCache cache = templates;
            if (cache != null) {
                cache.beforeShutdown(this);
            }
        } finally {
            adminConnections.close();
            try {
                shutdown.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop PostgreSQL ({}): {}", provider, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " (" + provider + ")";
    }
}
