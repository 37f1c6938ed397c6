package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.EngineKind;

import io.github.dbtestkit.core.internal.engine.ClassPresence;

import java.util.function.Predicate;

/**
 * Checks that the optional migration tool is on the classpath before any of its classes is touched, so that a missing
 * jar gives a message naming the Maven coordinates to add instead of a {@link NoClassDefFoundError}.
 *
 * <pre>{@code
 * MigrationDependencies.onClasspath().require(MigrationTool.FLYWAY, EngineKind.POSTGRESQL);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MigrationDependencies {

    static final String FLYWAY_POSTGRESQL_CLASS = "org.flywaydb.database.postgresql.PostgreSQLDatabaseType";
    static final String FLYWAY_POSTGRESQL_COORDINATES = "org.flywaydb:flyway-database-postgresql";

    private final Predicate<String> classPresent;

    private MigrationDependencies(Predicate<String> classPresent) {
        this.classPresent = classPresent;
    }

    /** Looks classes up with the class loader that loaded dbtestkit, which is the one that will run the tool. */
    public static MigrationDependencies onClasspath() {
        return new MigrationDependencies(ClassPresence.visibleTo(MigrationDependencies.class.getClassLoader()));
    }

    /** For tests: decides presence by class name. */
    public static MigrationDependencies of(Predicate<String> classPresent) {
        return new MigrationDependencies(classPresent);
    }

    /**
     * @throws MigrationException naming the Maven coordinates when the tool (or Flyway's PostgreSQL support) is missing
     */
    public void require(MigrationTool tool, EngineKind engine) {
        if (!classPresent.test(tool.markerClass())) {
            throw new MigrationException(tool.displayName() + " migrations need " + tool.coordinates()
                    + " on the test classpath: add it as a test dependency.");
        }
        if (tool == MigrationTool.FLYWAY && engine == EngineKind.POSTGRESQL && !classPresent.test(FLYWAY_POSTGRESQL_CLASS)) {
            throw new MigrationException("Flyway on PostgreSQL needs " + FLYWAY_POSTGRESQL_COORDINATES
                    + " on the test classpath besides " + tool.coordinates() + ": add it as a test dependency.");
        }
    }
}
