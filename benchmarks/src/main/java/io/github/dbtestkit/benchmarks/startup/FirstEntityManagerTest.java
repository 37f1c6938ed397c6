package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Time to the end of a first JPA test in a fresh JVM: one H2 {@code CREATE_ALL} class whose one test takes an
 * {@link EntityManager}, persists a row, flushes it and reads it back with JPQL: the whole path a first Hibernate test
 * pays (metadata, create_all, the {@code SessionFactory}, the first statements). It marks its body's start (the
 * parent's wall-clock end) and its end ({@code body-end}); the child marks the test's end as JUnit reports it.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild h2-em <report-dir>
 * }</pre>
 */
@DatabaseTest(engines = Engine.H2, entities = BenchRow.class, schema = SchemaMode.CREATE_ALL)
public class FirstEntityManagerTest {

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
