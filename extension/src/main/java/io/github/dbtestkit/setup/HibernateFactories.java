package io.github.dbtestkit.setup;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

import javax.sql.DataSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Hibernate's {@code SessionFactory} for an engine, an entity set and a data source.
 *
 * <pre>{@code
 * SessionFactory sf = HibernateFactories.build(Engine.H2, "2.5.252", entities, routingDataSource);
 * }</pre>
 *
 * <p>Hibernate is told the dialect and server version up front and never reads JDBC metadata at boot, so building a
 * factory opens no connection: it can happen before any test's transaction exists.
 */
public final class HibernateFactories {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    private HibernateFactories() {
    }

    /**
     * Builds a factory.
     *
     * @param serverVersion the version the engine reports, e.g. {@code 17.11} (used to pick dialect features)
     */
    public static SessionFactory build(Engine engine, String serverVersion, EntitySet entities, DataSource dataSource) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
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
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new DatabaseTestException("Hibernate could not build a SessionFactory for " + entities.names()
                    + " on " + engine.displayName() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            e = cause;
            cause = cause.getCause();
        }
        return message;
    }
}
