package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A third reference point for time to first test on H2: Hibernate's mapping metadata and its schema creation from
 * that metadata alone, with no {@code SessionFactory}, then a plain JDBC connection. It shows what a test that only
 * asks for a {@code Connection} or {@code DataSource} could pay if the factory were built only when an
 * {@code EntityManager}, {@code Session} or factory is injected.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild h2-metadata <report-dir>
 * }</pre>
 */
public class FirstHibernateMetadataOnlyTest {

    private static final String URL = "jdbc:h2:mem:metadata_only;DB_CLOSE_DELAY=-1";

    @Test
    void firstTest() throws SQLException {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("jakarta.persistence.jdbc.url", URL)
                .applySetting("jakarta.persistence.schema-generation.database.action", "create")
                .build();
        try {
            Metadata metadata = new MetadataSources(registry).addAnnotatedClass(BenchRow.class).buildMetadata();
            SchemaManagementToolCoordinator.process(metadata, registry,
                    registry.requireService(ConfigurationService.class).getSettings(), action -> { });
            try (Connection connection = DriverManager.getConnection(URL)) {
                connection.setAutoCommit(false);
                FirstTestMarker.reached();
                InsertOneRow.into(connection, 1);
                connection.rollback();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
