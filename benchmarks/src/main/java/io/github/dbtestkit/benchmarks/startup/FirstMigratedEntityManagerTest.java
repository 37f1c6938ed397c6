package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * As {@link FirstEntityManagerTest}, but with the schema from a Flyway migration ({@code first-test/migration},
 * {@code bench_row} as Hibernate would create it) and the entities validated against it, as a user of migrations
 * gets by default: the class whose set-up has work (the schema check) for the background {@code SessionFactory}
 * build to overlap.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild h2-em-migrations <report-dir>
 * }</pre>
 */
@DatabaseTest(engines = Engine.H2, entities = BenchRow.class, schema = SchemaMode.MIGRATIONS,
        migrations = "classpath:first-test/migration")
public class FirstMigratedEntityManagerTest {

    @Test
    void firstTest(EntityManager entityManager) {
        FirstTestMarker.reached();
        entityManager.persist(new BenchRow(1, "first"));
        entityManager.flush();
        long rows = entityManager.createQuery("select count(r) from BenchRow r where r.name = :name", Long.class)
                .setParameter("name", "first").getSingleResult();
        if (rows != 1) {
            throw new AssertionError("Expected the row just persisted, found " + rows + " rows");
        }
        FirstTestMarker.mark("body-end");
    }
}
