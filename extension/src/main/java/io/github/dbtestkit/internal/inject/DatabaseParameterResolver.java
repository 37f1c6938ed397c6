package io.github.dbtestkit.internal.inject;

import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Migrations;
import io.github.dbtestkit.TestDatabase;
import io.github.dbtestkit.internal.lifecycle.EngineRun;
import io.github.dbtestkit.internal.lifecycle.TestScope;
import io.github.dbtestkit.internal.setup.PreparedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Injects the run's database into test methods, lifecycle methods and constructors: {@code DataSource},
 * {@code Connection}, {@code EntityManager}, {@code EntityManagerFactory}, {@code Session}, {@code SessionFactory}
 * {@link TestDatabase} and {@link Migrations} (the class's migrations on an empty database of their own).
 *
 * <pre>{@code
 * @Test void saves(EntityManager em, DataSource ds) { ... }
 * }</pre>
 *
 * <p>Per-test objects ({@code Connection}, {@code EntityManager}, {@code Session}) belong to the test's transaction;
 * the same {@code EntityManager} is given to {@code @BeforeEach}, the test and {@code @AfterEach}. Constructors are
 * resolved in the test method's scope, so a per-method test instance can take them too.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatabaseParameterResolver implements ParameterResolver {

    private static final Set<Class<?>> TYPES = Set.of(DataSource.class, Connection.class, EntityManager.class,
            EntityManagerFactory.class, Session.class, SessionFactory.class, TestDatabase.class, Migrations.class);

    private final EngineRun run;

    /** Resolves parameters from {@code run}. */
    public DatabaseParameterResolver(EngineRun run) {
        this.run = run;
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        try {
            PreparedDatabase database = run.database();
            if (type == DataSource.class) {
                return database.dataSource();
            }
            if (type == EntityManagerFactory.class || type == SessionFactory.class) {
                return database.sessionFactory();
            }
            if (type == TestDatabase.class) {
                database.urlShared();
                return new TestDatabaseHandle(run.engine(), database.instance().jdbcUrl(), database.instance().username(),
                        database.dataSource());
            }
            TestScope scope = TestScope.of(context, run);
            if (type == Migrations.class) {
                return scope.migrations(run);
            }
            if (type == Connection.class) {
                return scope.connection();
            }
            return scope.session();
        } catch (DatabaseTestException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not open a connection to " + run.engine().displayName()
                    + " for parameter " + parameter.getParameter().getName() + ": " + e.getMessage(), e);
        }
    }
}
