package io.github.dbtestkit.benchmarks.validation;

import io.github.dbtestkit.Engine;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate's own schema tooling on a data source, without a {@code SessionFactory}: the metadata of some entity
 * classes, and the {@code hbm2ddl} actions {@code create-only} (to give the benchmark a schema that matches) and
 * {@code validate} (the baseline). Closing it destroys the service registry.
 *
 * <pre>{@code
 * try (HibernateSchema hibernate = HibernateSchema.of(Engine.H2, dataSource, entities)) {
 *     hibernate.create(); hibernate.validate(); }
 * }</pre>
 */
final class HibernateSchema implements AutoCloseable {

    private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

    private final StandardServiceRegistry registry;
    private final Metadata metadata;

    private HibernateSchema(StandardServiceRegistry registry, Metadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
    }

    /** Boots the service registry on {@code dataSource} and builds the entities' metadata. */
    static HibernateSchema of(Engine engine, DataSource dataSource, List<Class<?>> entities) {
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        // Hibernate resolves associations' classes by name, so it must see the generated classes' loader.
        entities.stream().map(Class::getClassLoader).distinct().forEach(bootstrap::applyClassLoader);
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting("hibernate.connection.datasource", dataSource)
                .applySetting("jakarta.persistence.validation.mode", "none");
        if (engine == Engine.SQLITE) {
            builder.applySetting("hibernate.dialect", SQLITE_DIALECT);
        }
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return new HibernateSchema(registry, sources.buildMetadata());
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Creates the tables, constraints and indexes of the mapping (Hibernate's {@code create-only}). */
    void create() {
        run("create-only");
    }

    /**
     * Hibernate's schema validation ({@code hbm2ddl.auto=validate}): tables, columns and their types only.
     *
     * @throws org.hibernate.tool.schema.spi.SchemaManagementException at the first mismatch
     */
    void validate() {
        run("validate");
    }

    private void run(String action) {
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        settings.put("hibernate.hbm2ddl.auto", action);
        SchemaManagementToolCoordinator.process(metadata, registry, settings, drop -> { });
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
