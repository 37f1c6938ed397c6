package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.core.EngineKind;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs Hibernate's own {@code hbm2ddl.auto=validate} on a database, for the side-by-side comparison. */
final class HibernateValidation {

    private HibernateValidation() {
    }

    /** Hibernate's first complaint, or {@code null} when it accepts the schema. */
    static String firstError(EngineKind engine, DataSource dataSource, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", engine.dialect())
                .applySetting("hibernate.connection.datasource", dataSource)
                .applySetting("jakarta.persistence.validation.mode", "none")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            Map<String, Object> settings = new HashMap<>(registry.requireService(
                    org.hibernate.engine.config.spi.ConfigurationService.class).getSettings());
            settings.put("hibernate.hbm2ddl.auto", "validate");
            SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
            return null;
        } catch (SchemaManagementException e) {
            return e.getMessage();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
