package io.github.dbtestkit.internal.setup;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.internal.hibernate.HibernateBoot;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.internal.provisioning.ClonePool;
import io.github.dbtestkit.internal.isolation.PhysicalConnections;
import io.github.dbtestkit.internal.isolation.RoutingDataSource;
import io.github.dbtestkit.internal.isolation.TestTransaction;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database with its schema applied, shared by every test class whose {@link SchemaKey} is equal, together with the
 * data source and Hibernate factory those classes use. Closed when the test run ends.
 *
 * <pre>{@code
 * try (TestTransaction tx = prepared.beginTest()) { Connection c = tx.newView(true); ... }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PreparedDatabase implements AutoCloseable {

    private final SchemaKey key;
    private final java.nio.file.Path reportDir;
    private final DatabaseServer server;
    private final DatabaseInstance instance;
    private final String serverVersion;
    private final EntitySet entities;
    private final RoutingDataSource dataSource;
    private final PhysicalConnections connections;
    /** PostgreSQL only: sessions a test left open in a transaction are ended after it, so their locks go with them. */
    private final io.github.dbtestkit.internal.isolation.LeftoverSessions leftovers;
    private volatile boolean urlShared;
    private final java.util.concurrent.atomic.AtomicInteger copies = new java.util.concurrent.atomic.AtomicInteger();
    private final io.github.dbtestkit.internal.isolation.Turns turns;
    private volatile SessionFactory sessionFactory;
    /** The factory's build on a thread of its own, while it runs or has built it; {@code null} otherwise. */
    private BackgroundFactory background;
    private boolean closed;
    private HibernateBoot boot;
    /** The ready clones FRESH_DATABASE tests take on PostgreSQL; {@code null} until the first asks for one. */
    private ClonePool pool;
    private io.github.dbtestkit.schema.SchemaReport schemaReport;

    PreparedDatabase(SchemaKey key, DatabaseServer server, DatabaseInstance instance, String serverVersion, EntitySet entities,
                     java.nio.file.Path reportDir) {
        this.reportDir = reportDir;
        this.key = key;
        this.server = server;
        this.instance = instance;
        this.serverVersion = serverVersion;
        this.entities = entities;
        this.dataSource = new RoutingDataSource(instance.dataSource(), key.describe());
        this.connections = new PhysicalConnections(instance.dataSource());
        this.leftovers = key.engine() == Engine.POSTGRESQL
                ? new io.github.dbtestkit.internal.isolation.LeftoverSessions(key.describe()) : null;
        // SQLite's shared cache allows one writing transaction per table at a time, and fails the second at once
        this.turns = key.engine() == Engine.SQLITE ? io.github.dbtestkit.internal.isolation.Turns.oneAtATime()
                : io.github.dbtestkit.internal.isolation.Turns.unlimited();
    }

    /** What it was prepared for. */
    public SchemaKey key() {
        return key;
    }

    /** The engine it runs on. */
    public Engine engine() {
        return key.engine();
    }

    /** The server's version as it reports it, e.g. {@code 17.11} or {@code 2.5.252}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** The underlying database. */
    public DatabaseInstance instance() {
        return instance;
    }

    /** The data source handed to tests: views of the running test's transaction, physical connections otherwise. */
    public RoutingDataSource dataSource() {
        return dataSource;
    }

    /** Where its schema reports are written. */
    java.nio.file.Path reportDir() {
        return reportDir;
    }

    /** The entities of its persistence unit. */
    public EntitySet entities() {
        return entities;
    }

    /**
     * The Hibernate factory over {@link #dataSource()}, built on first use and then shared. When
     * {@link #buildSessionFactoryInBackground()} started building it, this waits for that build instead of starting
     * another, and a failure there surfaces here as it would have had this call built the factory.
     *
     * @throws DatabaseTestException when the class declared no entities
     * @throws io.github.dbtestkit.core.ProvisioningException when Hibernate cannot build the factory
     */
    public SessionFactory sessionFactory() {
        SessionFactory factory = sessionFactory;
        if (factory != null) {
            return factory;
        }
        BackgroundFactory background;
        synchronized (this) {
            background = this.background;
        }
        if (background != null) {
            // waited for outside this object's lock: the build itself never takes it, and close() may need it meanwhile
            java.util.Optional<SessionFactory> built = background.await();
            if (built.isPresent()) {
                return built.get();
            }
        }
        synchronized (this) {
            factory = sessionFactory;
            if (factory == null) {
                if (entities.isEmpty()) {
                    throw new DatabaseTestException("An EntityManager, Session or their factory needs entities: "
                            + "list them in @DatabaseTest(entities = ...) or @DatabaseTest(entityPackages = ...).");
                }
                factory = hibernate().buildSessionFactory();
                sessionFactory = factory;
            }
        }
        return factory;
    }

    /**
     * Starts building the {@link #sessionFactory()} on a thread of its own, for a class whose tests will ask for it,
     * so that the build overlaps whatever runs before the first of them asks (schema validation, other tests,
     * {@code @BeforeEach} methods). Does nothing when there are no entities, or a factory is built or being built.
     * A failed background build is forgotten: the next {@link #sessionFactory()} call builds again, on its own
     * thread, and fails as it always did.
     */
    public void buildSessionFactoryInBackground() {
        if (entities.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (sessionFactory != null || background != null || closed) {
                return;
            }
            background = BackgroundFactory.start(hibernate(), key.describe(), built -> {
                synchronized (this) {
                    if (sessionFactory == null) {
                        sessionFactory = built;
                    }
                }
            }, () -> {
                synchronized (this) {
                    background = null;
                }
            });
        }
    }

    /**
     * Notes that a test was given this database's JDBC URL ({@code TestDatabase}): from then on, sessions a test opens
     * itself and leaves in a transaction are ended after each test (PostgreSQL), so that their locks block nobody.
     */
    public void urlShared() {
        urlShared = true;
    }

    /**
     * Waits until a test may use this database itself (not a copy of it): at once on engines that run concurrent
     * transactions, one test at a time on SQLite. Closing the turn lets the next test in.
     */
    public io.github.dbtestkit.internal.isolation.Turns.Turn takeTurn() {
        return turns.take();
    }

    /** Starts a test's transaction on a physical connection of its own and routes the data source into it. */
    public TestTransaction beginTest() throws SQLException {
        Connection physical = connections.borrow();
        TestTransaction[] holder = new TestTransaction[1];
        try {
            if (leftovers != null) {
                leftovers.adopt(physical);
            }
            holder[0] = TestTransaction.begin(physical, connection -> {
                dataSource.leave(holder[0]);
                // only a test that was given the database's URL can have opened a session dbtestkit does not own;
                // until then the query would only cost every test a round trip
                if (leftovers != null && urlShared) {
                    leftovers.endLeftovers(connection);
                }
                connections.release(connection);
            });
        } catch (SQLException | RuntimeException e) {
            connections.release(physical);
            throw e;
        }
        dataSource.enter(holder[0]);
        return holder[0];
    }

    /** Whether a {@code SessionFactory} has been built for it (only when a test asked for one). */
    public boolean hasSessionFactory() {
        return sessionFactory != null;
    }

    /** Hibernate's boot model of the entities over {@link #dataSource()}, read on first use and then kept. */
    synchronized HibernateBoot hibernate() {
        if (boot == null) {
            boot = HibernateBoot.of(key.engine().kind(), serverVersion, entities, dataSource, key.hibernate());
        }
        return boot;
    }

    /**
     * The comparison of the entities with this database's schema, made on first call and kept (the schema of a
     * prepared database never changes); {@code null} when there are no entities.
     */
    public synchronized io.github.dbtestkit.schema.SchemaReport schemaReport() {
        if (schemaReport == null && !entities.isEmpty()) {
            schemaReport = SchemaValidation.validate(this);
        }
        return schemaReport;
    }

    /** Where {@link #schemaReport()} is written as text (it may be absent when the folder cannot be written). */
    public java.nio.file.Path schemaReportFile() {
        return reportDir.resolve(SchemaValidation.name(this) + ".txt");
    }

    /**
     * A new database holding a copy of this one's schema and data, for one test under
     * {@link io.github.dbtestkit.Isolation#FRESH_DATABASE}; the data source (and so the Hibernate factory) routes the
     * calling thread's connections to it until the returned handle is closed, which drops the copy. Tests running in
     * parallel each get their own copy and route to it.
     *
     * <p>On PostgreSQL with {@code poolSize} above 0, the copy comes from a {@link ClonePool} of that many ready clones,
     * started on the first call (later calls keep its size) and filled in the background; closing the handle gives
     * the copy back to be dropped there, off the test's path. Otherwise (0, or the in-process engines, whose copy is
     * made in this JVM anyway) the copy is made now and dropped on close.
     *
     * @param poolSize {@code dbtestkit.postgresql.fresh-pool-size}: ready clones to keep, 0 for a copy on demand
     * @throws io.github.dbtestkit.DatabaseTestException when the copy cannot be made, with the reason
     */
    public AutoCloseable freshCopy(int poolSize) {
        ClonePool pool = key.engine() == Engine.POSTGRESQL && poolSize > 0 ? pool(poolSize) : null;
        DatabaseInstance copy;
        DataSource target;
        try {
            if (pool != null) {
                ClonePool.Taken taken = pool.take();
                copy = taken.database();
                target = taken.dataSource();
            } else {
                copy = server.cloneDatabase(instance, nextCopyName());
                target = copy.dataSource();
            }
        } catch (io.github.dbtestkit.core.ProvisioningException e) {
            throw new io.github.dbtestkit.DatabaseTestException(e.getMessage(), e);
        }
        dataSource.enterCopy(target);
        return () -> {
            dataSource.leaveCopy(target);
            if (pool != null) {
                pool.giveBack(copy);
            } else {
                copy.close();
            }
        };
    }

    /** The pool of ready clones of this database, started on first use. */
    private synchronized ClonePool pool(int size) {
        if (pool == null) {
            pool = ClonePool.start(server, instance, size, this::nextCopyName);
        }
        return pool;
    }

    private String nextCopyName() {
        return instance.name() + "_t" + copies.incrementAndGet();
    }

    /**
     * A test's own copy under {@code dbtestkit.keep-failed=true}, routed to as {@link #freshCopy(int)} is; with
     * {@code transaction} (ROLLBACK) the test's transaction runs on a physical connection to the copy.
     */
    public TestCopy copyForTest(boolean transaction) throws SQLException {
        DatabaseInstance copy;
        try {
            copy = server.cloneDatabase(instance, nextCopyName());
        } catch (io.github.dbtestkit.core.ProvisioningException e) {
            throw new io.github.dbtestkit.DatabaseTestException(e.getMessage(), e);
        }
        dataSource.enterCopy(copy.dataSource());
        TestTransaction tx = null;
        if (transaction) {
            try {
                TestTransaction[] holder = new TestTransaction[1];
                holder[0] = TestTransaction.begin(copy.dataSource().getConnection(), connection -> {
                    dataSource.leave(holder[0]);
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // the copy is dropped or kept next; its data source closes what is left
                    }
                });
                tx = holder[0];
                dataSource.enter(tx);
            } catch (SQLException | RuntimeException e) {
                dataSource.leaveCopy(copy.dataSource());
                copy.close();
                throw e;
            }
        }
        return new TestCopy(key.engine(), server.provider(), copy, dataSource, tx);
    }

    /** A new, empty database on the same server, owned (and dropped) by the caller. */
    public DatabaseInstance emptySibling(String purpose) {
        return server.createDatabase(instance.name() + "_" + purpose + copies.incrementAndGet());
    }

    /**
     * Closes the factory and idle connections, stops the pool of ready clones and drops them, then drops the database.
     * A factory still being built in the background is waited for and closed with the rest, so that nothing is left
     * behind.
     */
    @Override
    public void close() {
        BackgroundFactory building;
        synchronized (this) {
            closed = true;
            building = background;
        }
        if (building != null) {
            building.awaitEnd();
        }
        SessionFactory factory = sessionFactory;
        ClonePool clones;
        synchronized (this) {
            clones = pool;
        }
        try {
            if (clones != null) {
                clones.close();
            }
            if (factory != null) {
                factory.close();
            }
            HibernateBoot hibernate;
            synchronized (this) {
                hibernate = boot;
            }
            if (hibernate != null) {
                hibernate.close();
            }
        } catch (RuntimeException ignored) {
            // the database is dropped below either way
        } finally {
            connections.close();
            instance.close();
        }
    }

    @Override
    public String toString() {
        return key.describe();
    }
}
