package io.github.dbtestkit.core.internal.hibernate;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;

/**
 * Builds Hibernate's {@code SessionFactory} for an engine, an entity set and a data source in one call.
 *
 * <pre>{@code
 * try (SessionFactory sf = HibernateFactories.build(EngineKind.H2, "2.5.252", entities, dataSource, HibernateProperties.NONE)) { ... }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HibernateFactories {

    private HibernateFactories() {
    }

    /**
     * Boots Hibernate and builds a factory; closing the factory releases everything.
     *
     * @param serverVersion the version the engine reports, e.g. {@code 17.11} (used to pick dialect features)
     * @param properties    the application's Hibernate settings
     */
    public static SessionFactory build(EngineKind engine, String serverVersion, EntitySet entities, DataSource dataSource,
                                       HibernateProperties properties) {
        HibernateBoot boot = HibernateBoot.of(engine, serverVersion, entities, dataSource, properties);
        try {
            return boot.buildSessionFactory();
        } catch (RuntimeException e) {
            boot.close();
            throw e;
        }
    }
}
