package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Objects;

/**
 * Baseline "Hibernate by hand": what a user writes today without dbtestkit to get a rolled-back test with JPA: one
 * {@link EntityManagerFactory} (a Hibernate {@code SessionFactory}, with Hibernate's own connection pool) built once
 * per JVM by the harness, an {@link EntityManager} per test whose transaction begins before the test and is rolled
 * back after it. The test does {@link ExtensionInsertTest}'s work on the EntityManager's connection.
 *
 * <pre>{@code
 * HibernateByHandInsertTest.use(sessionFactory);
 * launcher.run(HibernateByHandInsertTest.class, Map.of());
 * }</pre>
 */
public class HibernateByHandInsertTest {

    private static volatile EntityManagerFactory factory;

    private EntityManager entityManager;

    /** The factory the next runs use; {@code null} to let go of it. */
    static void use(EntityManagerFactory entityManagerFactory) {
        factory = entityManagerFactory;
    }

    @BeforeEach
    void begin() {
        entityManager = Objects.requireNonNull(factory, "HibernateByHandInsertTest runs inside the harness, which hands it a factory.")
                .createEntityManager();
        entityManager.getTransaction().begin();
    }

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id) {
        entityManager.unwrap(Session.class).doWork(connection -> InsertOneRow.into(connection, id));
    }

    @AfterEach
    void rollBack() {
        try {
            entityManager.getTransaction().rollback();
        } finally {
            entityManager.close();
        }
    }
}
