package io.github.dbtestkit.core.internal.hibernate;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.EngineKind;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's boot model of an entity set on one engine and data source, from which the schema is created and,
 * only when a test asks for one, the {@code SessionFactory} is built.
 *
 * <pre>{@code
 * HibernateBoot boot = HibernateBoot.of(EngineKind.H2, "2.5.252", entities, dataSource);
 * boot.createSchema(); SessionFactory sf = boot.buildSessionFactory();
 * }</pre>
 *
 * <p>Building a {@code SessionFactory} is most of Hibernate's start-up cost (proxies, persisters, services), about
 * half of the time to a first test in a fresh JVM. Creating tables needs only the metadata, so a class whose tests
 * take a {@code Connection} or {@code DataSource} never pays for a factory. Hibernate is told the product name and
 * version and never reads JDBC metadata at boot, so booting opens no connection.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HibernateBoot implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    private final EngineKind engine;
    private final EntitySet entities;
    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private boolean factoryBuilt;

    private HibernateBoot(EngineKind engine, EntitySet entities, StandardServiceRegistry registry, Metadata metadata) {
        this.engine = engine;
        this.entities = entities;
        this.registry = registry;
        this.metadata = metadata;
    }

    /**
     * Reads the entities' mappings for the engine.
     *
     * @param serverVersion the version the engine reports, e.g. {@code 17.11} (dialects pick features by version)
     * @throws ProvisioningException when Hibernate rejects the mappings, naming the entities and Hibernate's reason
     */
    public static HibernateBoot of(EngineKind engine, String serverVersion, EntitySet entities, DataSource dataSource) {
        return of(engine, serverVersion, entities, dataSource, HibernateProperties.NONE);
    }

    /**
     * As {@link #of(EngineKind, String, EntitySet, DataSource)}, with the application's Hibernate settings (they
     * override {@code hibernate.properties}; the data source and the engine's name and version stay dbtestkit's).
     */
    public static HibernateBoot of(EngineKind engine, String serverVersion, EntitySet entities, DataSource dataSource,
                                   HibernateProperties properties) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySettings(properties.hibernateSettings())
                // Product name and version, not the dialect class: Hibernate resolves the dialect from them (and
                // warns when a built-in dialect is named explicitly), without opening a connection.
                .applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, Dialects.productName(engine))
                .applySetting(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(JdbcSettings.ALLOW_METADATA_ON_BOOT, false)
                .applySetting(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true);
        Matcher version = VERSION.matcher(serverVersion == null ? "" : serverVersion);
        if (version.find()) {
            settings.applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, version.group(1));
            settings.applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, version.group(2) == null ? "0" : version.group(2));
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.classes().forEach(sources::addAnnotatedClass);
            MetadataBuilder builder = sources.getMetadataBuilder();
            if (engine == EngineKind.SQLITE) {
                // DATE as ISO text, so that seed scripts' '2000-09-07' reads and compares (docs/engines.md, SQLite)
                builder.applyTypes(SqliteDateJdbcType.CONTRIBUTOR);
            }
            return new HibernateBoot(engine, entities, registry, builder.build());
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new ProvisioningException("Hibernate rejected the mappings of " + entities.names() + " on "
                    + engine.displayName() + ": " + Messages.chain(e), e);
        }
    }

    /** Hibernate's boot metadata. */
    public Metadata metadata() {
        return metadata;
    }

    /** Creates the mapped tables, sequences and constraints (and schemas the mapping names): create_all. */
    public void createSchema() {
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        settings.put(SchemaToolingSettings.HBM2DDL_CREATE_NAMESPACES, true);
        try {
            SchemaManagementToolCoordinator.process(metadata, registry, settings, delayedDrop -> { });
        } catch (RuntimeException e) {
            throw new ProvisioningException("CREATE_ALL of " + entities.names() + " failed on " + engine.displayName()
                    + ": " + Messages.chain(e), e);
        }
    }

    /** Builds the factory; from then on it owns Hibernate's services and closing it releases them. */
    public synchronized SessionFactory buildSessionFactory() {
        try {
            SessionFactory factory = metadata.buildSessionFactory();
            factoryBuilt = true;
            return factory;
        } catch (RuntimeException e) {
            throw new ProvisioningException("Hibernate could not build a SessionFactory for " + entities.names()
                    + " on " + engine.displayName() + ": " + Messages.chain(e), e);
        }
    }

    /** Releases Hibernate's services unless a factory took them over. */
    @Override
    public synchronized void close() {
        if (!factoryBuilt) {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
