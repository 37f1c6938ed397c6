package io.github.dbtestkit.schema.internal.build;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.core.internal.hibernate.HibernateBoot;
import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Throw-away databases on embedded engines, each built from a {@link SchemaSource} and dropped once used: what lets
 * {@code check --migrations} run without a database server. It owns a {@link DatabaseProvisioner}, so closing it stops
 * every server it started (an embedded PostgreSQL included) and leaves no process, port or folder behind.
 *
 * <pre>{@code
 * Map<EngineKind, SchemaReport> reports = EngineDatabases.onEach(PostgresSettings.defaults(),
 *         List.of(EngineKind.H2, EngineKind.SQLITE), source, inputs, ds -> validate(ds));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EngineDatabases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineDatabases.class);

    private final DatabaseProvisioner provisioner;

    /** Databases whose PostgreSQL is provided as {@code settings} say (embedded by default). */
    public EngineDatabases(PostgresSettings settings) {
        this.provisioner = new DatabaseProvisioner(settings);
    }

    /**
     * The one loop of every "build each engine's database and run this" caller ({@code check --migrations},
     * {@code generate-migration}, {@code generate-entities}, {@link io.github.dbtestkit.schema.EngineValidation}):
     * builds the database of each engine in turn, hands it to {@code use}, drops it, and stops every server started
     * for them before returning or throwing. The thread's context class loader is {@code inputs.classLoader()}
     * meanwhile, since Hibernate and the migration tools look user classes and resources up through it.
     *
     * @return what {@code use} returned, per engine, in the order of {@code engines}
     * @throws ProvisioningException as {@link #withDatabase} does, for the first engine that fails
     */
    public static <T> Map<EngineKind, T> onEach(PostgresSettings settings, List<EngineKind> engines,
                                                SchemaSource source, BuildInputs inputs, Function<DataSource, T> use) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(inputs.classLoader());
        try (EngineDatabases databases = new EngineDatabases(settings)) {
            Map<EngineKind, T> results = new LinkedHashMap<>();
            for (EngineKind engine : engines) {
                results.put(engine, databases.withDatabase(engine, source, inputs, use));
            }
            return results;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Creates a database on {@code engine}, builds its schema from {@code source}, hands it to {@code use} and drops it,
     * whether {@code use} returns or throws.
     *
     * @throws ProvisioningException when the engine cannot start (naming what to add), the location does not exist, or
     *                               a migration or statement fails (naming the file, line and statement)
     */
    public <T> T withDatabase(EngineKind engine, SchemaSource source, BuildInputs inputs, Function<DataSource, T> use) {
        DatabaseServer server = provisioner.server(engine);
        // Resolve the location before creating a database, so a typo costs nothing.
        ResolvedMigrations migrations = source instanceof SchemaSource.Migrations m
                ? MigrationLocation.parse(m.location()).resolve(engine, inputs.classLoader(), inputs.migrationsName(),
                        inputs.classpathName())
                : null;
        String name = "dbtestkit_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (DatabaseInstance database = server.createDatabase(name)) {
            DataSource dataSource = database.dataSource();
            build(engine, server, source, migrations, inputs, dataSource);
            LOG.info("Built {} on {} from {}", name, engine.displayName(), source.describe());
            return use.apply(dataSource);
        }
    }

    private static void build(EngineKind engine, DatabaseServer server, SchemaSource source,
                              ResolvedMigrations migrations, BuildInputs inputs, DataSource dataSource) {
        if (source instanceof SchemaSource.Migrations) {
            Migrator.standard().apply(migrations, dataSource);
        } else if (source instanceof SchemaSource.CreateAll) {
            try (HibernateBoot boot = HibernateBoot.of(engine, server.version(), EntitySet.of(inputs.entities()),
                    dataSource, inputs.properties())) {
                boot.createSchema();
            }
        } else if (source instanceof SchemaSource.SqlFiles files) {
            SqlFileRunner.run(files.files(), inputs.sqlFilesName(), engine, dataSource);
        }
    }

    /** Stops every server started for these databases. Idempotent; never throws. */
    @Override
    public void close() {
        provisioner.close();
    }
}
