package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The second baseline of time to first test on H2: what a user's hand-written test pays without dbtestkit, building
 * a Hibernate {@link SessionFactory} for the same entity on an H2 in-memory database with Hibernate's own schema
 * creation, then running the test's work in a transaction. Its marker is printed where a {@code @DatabaseTest} body
 * would start: once the factory and the schema are ready.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild h2-hibernate <report-dir>
 * }</pre>
 */
public class FirstHibernateByHandTest {

    @Test
    void firstTest() {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(BenchRow.class)
                .setProperty("jakarta.persistence.jdbc.url", "jdbc:h2:mem:by_hand;DB_CLOSE_DELAY=-1")
                .setProperty("jakarta.persistence.schema-generation.database.action", "create");
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            factory.inTransaction(session -> session.doWork(connection -> {
                FirstTestMarker.reached();
                InsertOneRow.into(connection, 1);
            }));
        }
    }
}
