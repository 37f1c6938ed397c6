package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationDependencies;
import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationTool;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.EngineKind;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationDependenciesTest {

    private static final DataSource UNUSED = null;

    @Test
    void missingFlywayNamesItsCoordinates() {
        Migrator withoutFlyway = Migrator.with(MigrationDependencies.of(name -> !name.startsWith("org.flywaydb")));

        assertThatThrownBy(() -> withoutFlyway.apply(Fixtures.resolve("flyway/shop", EngineKind.H2), UNUSED))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Flyway migrations need org.flywaydb:flyway-core on the test classpath: add it as a test dependency.");
    }

    @Test
    void missingLiquibaseNamesItsCoordinates() {
        Migrator withoutLiquibase = Migrator.with(MigrationDependencies.of(name -> !name.startsWith("liquibase.")));

        assertThatThrownBy(() -> withoutLiquibase.runner(
                Fixtures.resolve("liquibase/yaml/changelog.yaml", EngineKind.SQLITE), UNUSED))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Liquibase migrations need org.liquibase:liquibase-core on the test classpath: add it as a test dependency.");
    }

    @Test
    void flywayOnPostgresqlNeedsItsDatabaseModule() {
        MigrationDependencies coreOnly = MigrationDependencies.of(Set.of("org.flywaydb.core.Flyway")::contains);

        assertThatThrownBy(() -> coreOnly.require(MigrationTool.FLYWAY, EngineKind.POSTGRESQL))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Flyway on PostgreSQL needs org.flywaydb:flyway-database-postgresql on the test classpath "
                        + "besides org.flywaydb:flyway-core: add it as a test dependency.");
        assertThatCode(() -> coreOnly.require(MigrationTool.FLYWAY, EngineKind.SQLITE)).doesNotThrowAnyException();
    }

    @Test
    void theRealClasspathHasEverythingTheTestsUse() {
        MigrationDependencies real = MigrationDependencies.onClasspath();

        for (EngineKind engine : EngineKind.values()) {
            for (MigrationTool tool : MigrationTool.values()) {
                assertThatCode(() -> real.require(tool, engine)).as(tool + " on " + engine).doesNotThrowAnyException();
            }
        }
    }
}
