package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.EngineKind;

import java.sql.Driver;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The JDBC driver of an engine: its class and the Maven coordinates that bring it. The drivers are optional
 * dependencies of dbtestkit, so each engine checks for its driver before it starts and says what to add.
 *
 * @param engine      the engine the driver serves
 * @param className   the driver class
 * @param coordinates the Maven {@code groupId:artifactId} that brings it
 */
record JdbcDriver(EngineKind engine, String className, String coordinates) {

    static final JdbcDriver H2 = new JdbcDriver(EngineKind.H2, "org.h2.Driver", "com.h2database:h2");
    static final JdbcDriver SQLITE = new JdbcDriver(EngineKind.SQLITE, "org.sqlite.JDBC", "org.xerial:sqlite-jdbc");
    static final JdbcDriver POSTGRESQL = new JdbcDriver(EngineKind.POSTGRESQL, "org.postgresql.Driver", "org.postgresql:postgresql");

    static JdbcDriver of(EngineKind engine) {
        return switch (Objects.requireNonNull(engine)) {
            case H2 -> H2;
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
        };
    }

    /**
     * Fails with a message naming the coordinates when the driver class is not on the classpath.
     *
     * @param classPresence tells whether a class can be loaded; {@link ClassPresence#onClasspath()} in production
     */
    void require(Predicate<String> classPresence) {
        if (!classPresence.test(className)) {
            throw new ProvisioningException(engine.displayName() + " needs its JDBC driver " + coordinates
                    + " on the test classpath (class " + className + " was not found): add it as a test dependency.");
        }
    }

    Driver instantiate() {
        require(ClassPresence.onClasspath());
        try {
            return (Driver) ClassPresence.load(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ProvisioningException("Cannot instantiate the " + engine.displayName() + " JDBC driver " + className
                    + " from " + coordinates + ": " + e, e);
        }
    }
}
