package io.github.dbtestkit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a real database, once per engine: the schema is applied before the first test and each
 * test is isolated from the others.
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
 * class PostTest { @Test void saves(EntityManager em) { ... } }
 * }</pre>
 *
 * <p>Test methods, lifecycle methods and constructors may declare parameters of type {@code javax.sql.DataSource},
 * {@code java.sql.Connection}, {@code jakarta.persistence.EntityManager}, {@code EntityManagerFactory},
 * {@code org.hibernate.Session}, {@code SessionFactory}, {@link TestDatabase} and {@link Migrations}.
 * For a whole run, the configuration key {@code dbtestkit.engines} narrows each class to those of its
 * {@link #engines()} that it lists (a class with none of them is skipped, with the reason), and
 * {@code dbtestkit.engines.override} replaces every class's engines outright.
 *
 * <p>Needs JUnit Jupiter 5.14 or later (5.14.x and 6.0.x are tested); an older JUnit fails the class with a message
 * that says so.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
// Before DatabaseTestExtension, so that JUnit older than 5.14 gets a message instead of a NoClassDefFoundError
@ExtendWith(JupiterVersionCheck.class)
@ExtendWith(DatabaseTestExtension.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface DatabaseTest {

    /**
     * The engines the class runs on, once each, in this order (H2 when left out). {@code dbtestkit.engines} may narrow
     * them for a run, {@code dbtestkit.engines.override} replace them.
     */
    Engine[] engines() default {Engine.H2};

    /** Entity classes of the class's persistence unit. */
    Class<?>[] entities() default {};

    /** Packages scanned (with sub-packages) for {@code @Entity} classes, in addition to {@link #entities()}. */
    String[] entityPackages() default {};

    /** How the schema is applied. */
    SchemaMode schema() default SchemaMode.AUTO;

    /**
     * Where migrations live: a Flyway folder or a Liquibase changelog file, with a {@code classpath:} (default) or
     * {@code filesystem:} prefix and an optional {@code {engine}} placeholder ({@code classpath:db/migration/{engine}}).
     */
    String migrations() default "";

    /** How tests are kept apart. */
    Isolation isolation() default Isolation.ROLLBACK;

    /** Whether the entities must match the schema after {@link SchemaMode#MIGRATIONS} or {@link SchemaMode#NONE}. */
    boolean validateSchema() default true;

    /**
     * Hibernate settings, as the application sets them, each {@code key=value}: a physical or implicit naming
     * strategy, {@code hibernate.default_schema}, type contributors. They apply wherever the mapping is read: create_all,
     * the {@code SessionFactory}, schema validation and the migration checks. They override the run's
     * {@code dbtestkit.hibernate.<key>} settings, which override {@code hibernate.properties} on the class path.
     *
     * <pre>{@code
     * @DatabaseTest(hibernateProperties =
     *         "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl")
     * }</pre>
     */
    String[] hibernateProperties() default {};

    /**
     * A {@code <persistence-unit>} of {@code META-INF/persistence.xml} on the test class path, for Jakarta EE and plain
     * Hibernate applications: its {@code <class>} entries join {@link #entities()}, and its properties apply as
     * Hibernate settings (below the run's {@code dbtestkit.hibernate.<key>} and {@link #hibernateProperties()}).
     * Properties that choose the database or act on its schema (JDBC URL, user, password, driver, data sources,
     * {@code hibernate.connection.*}, {@code hibernate.hbm2ddl.auto}, schema-generation, {@code hibernate.dialect})
     * are left out: dbtestkit provides the database and the schema. Empty means none.
     */
    String persistenceUnit() default "";

    /**
     * A baseline file of accepted differences (the JSON format of {@code Baseline}; entries may be limited to
     * engines), applied to this class's schema validation on every engine together with its
     * {@link AcceptedDifference} annotations; in the migration checks' comparison with create_all its entries accept
     * findings too. {@code classpath:} (the default when there is no prefix) or {@code filesystem:} (relative to the
     * working directory). Empty means the run's {@code dbtestkit.baseline}, if set; a class's own baseline replaces
     * the run's.
     *
     * <pre>{@code
     * @DatabaseTest(engines = {Engine.H2, Engine.POSTGRESQL}, schema = SchemaMode.MIGRATIONS,
     *               baseline = "schema-baseline.json")   // src/test/resources/schema-baseline.json
     * }</pre>
     */
    String baseline() default "";
}
