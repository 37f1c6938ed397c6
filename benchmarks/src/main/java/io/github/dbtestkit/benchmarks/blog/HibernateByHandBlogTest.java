package io.github.dbtestkit.benchmarks.blog;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.harness.Provisioners;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the generated "Hibernate by hand" blog classes: what a user writes without dbtestkit. One
 * {@link SessionFactory} per JVM, built by the first test with Hibernate's create_all on a database of the engine named
 * by {@value #ENGINE} (from core's provisioner, so the same kind of server as the extension's), an
 * {@link EntityManager} per test whose transaction begins before the test and is rolled back after it.
 *
 * <pre>{@code
 * class BlogByHand01 extends HibernateByHandBlogTest { @Test void t01() { BlogWork.persistAndCheck(entityManager); } }
 * }</pre>
 */
public abstract class HibernateByHandBlogTest {

    /** The system property naming the engine, e.g. {@code h2}. */
    public static final String ENGINE = "bench.blog.engine";

    private static DatabaseProvisioner provisioner;
    private static DatabaseInstance database;
    private static SessionFactory factory;

    protected EntityManager entityManager;

    private static synchronized SessionFactory factory() {
        if (factory == null) {
            Engine engine = Engine.fromIds(System.getProperty(ENGINE, "h2")).get(0);
            provisioner = Provisioners.fromSystemProperties();
            database = provisioner.server(engine.kind()).createDatabase("blog_by_hand");
            Configuration configuration = new Configuration()
                    .addAnnotatedClass(Post.class)
                    .addAnnotatedClass(Comment.class)
                    .setProperty("jakarta.persistence.jdbc.url", database.jdbcUrl())
                    .setProperty("jakarta.persistence.jdbc.user", database.username())
                    .setProperty("jakarta.persistence.jdbc.password", database.password())
                    .setProperty("jakarta.persistence.schema-generation.database.action", "create");
            if (engine == Engine.SQLITE) {
                // Hibernate resolves H2's and PostgreSQL's dialects itself, not the community one of SQLite.
                configuration.setProperty("hibernate.dialect", engine.kind().dialect());
            }
            factory = configuration.buildSessionFactory();
        }
        return factory;
    }

    /** Closes the factory, drops the database and stops its server; for the child's main once the run is over. */
    public static synchronized void closeAll() {
        try {
            if (factory != null) {
                factory.close();
            }
        } finally {
            factory = null;
            if (database != null) {
                database.close();
                database = null;
            }
            if (provisioner != null) {
                provisioner.close();
                provisioner = null;
            }
        }
    }

    @BeforeEach
    void begin() {
        entityManager = factory().createEntityManager();
        entityManager.getTransaction().begin();
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
