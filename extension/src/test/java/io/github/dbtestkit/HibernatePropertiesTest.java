package io.github.dbtestkit;

import io.github.dbtestkit.naming.Owner;
import io.github.dbtestkit.naming.PostalAddress;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot-style domain (no column names, camelCase fields, an embedded value, an element collection) against
 * hand-written snake_case migrations: with the application's naming strategy set through
 * {@code @DatabaseTest(hibernateProperties)} or {@code dbtestkit.hibernate.*}, it validates and runs; without, the
 * report says MISSING_COLUMN.
 */
class HibernatePropertiesTest {

    private static final String SNAKE_CASE =
            "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    private static final String RUN_KEY = "dbtestkit.hibernate.hibernate.physical_naming_strategy";

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Owner.class,
            migrations = "classpath:migration-fixtures/flyway/snake-case/{engine}", hibernateProperties = SNAKE_CASE)
    static class SnakeCaseDomain {
        @Test
        void savesThroughTheSnakeCaseColumns(EntityManager em, javax.sql.DataSource dataSource) throws SQLException {
            Owner owner = new Owner("Betty", "Davis", new PostalAddress("638 Cardinal Ave.", "Sun Prairie"));
            owner.getNickNames().add("Bee");
            em.persist(owner);
            em.flush();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select first_name, city_name from owner")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("first_name")).isEqualTo("Betty");
                assertThat(rows.getString("city_name")).isEqualTo("Sun Prairie");
            }
            em.clear();
            assertThat(em.find(Owner.class, owner.getId()).getNickNames()).containsExactly("Bee");
        }
    }

    @Test
    void theApplicationsNamingStrategyValidatesCleanOnEveryEngine() {
        EngineExecutionResults results = TestKit.run(SnakeCaseDomain.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
    }

    @DatabaseTest(entities = Owner.class, migrations = "classpath:migration-fixtures/flyway/snake-case/{engine}")
    static class DefaultNaming {
        @Test
        void never() {
        }
    }

    @Test
    void withoutItTheReportSaysMissingColumn() {
        List<String> failures = TestKit.failures(TestKit.run(DefaultNaming.class));

        assertThat(failures).singleElement().asString()
                .contains("do not match the MIGRATIONS schema on H2: 5 errors, 0 warnings (",
                        ". The full report: ", "schema-h2-", ".txt\n  Hint: Naming: 5 missing names match unmapped"
                                + " ones but for spelling", "PhysicalNamingStrategySnakeCaseImpl",
                        "\n  - Owner.firstName: MISSING_COLUMN — ")
                .satisfies(message -> assertThat(message.lines().count()).as("a short message, not the report")
                        .isLessThanOrEqualTo(8));
    }

    @Test
    void theRunWideKeyAppliesToEveryClass() {
        List<String> failures = withRunKey(() -> TestKit.failures(TestKit.run(DefaultNaming.class)));

        assertThat(failures).isEmpty();
    }

    @DatabaseTest(entities = Owner.class, migrations = "classpath:migration-fixtures/flyway/snake-case/{engine}",
            hibernateProperties = "hibernate.physical_naming_strategy="
                    + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl")
    static class ClassOverridesRun {
        @Test
        void never() {
        }
    }

    @Test
    void theClassesPropertiesWinOverTheRunWideKey() {
        List<String> failures = withRunKey(() -> TestKit.failures(TestKit.run(ClassOverridesRun.class)));

        assertThat(failures).singleElement().asString().contains("MISSING_COLUMN");
    }

    @DatabaseTest(entities = Owner.class, hibernateProperties = "no equals sign")
    static class Malformed {
        @Test
        void never() {
        }
    }

    @Test
    void aMalformedPropertyIsNamedWithTheFormToUse() {
        assertThat(TestKit.failures(TestKit.run(Malformed.class))).singleElement().asString()
                .contains("Hibernate property \"no equals sign\" in @DatabaseTest(hibernateProperties) on "
                        + Malformed.class.getName() + " is not of the form key=value");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Owner.class,
            migrations = "classpath:migration-fixtures/flyway/snake-case/{engine}",
            hibernateProperties = "dbtestkit.naming=spring-boot")
    static class SpringBootPreset {
        @Test
        void savesThroughTheSnakeCaseColumns(EntityManager em) {
            Owner owner = new Owner("Betty", "Davis", new PostalAddress("638 Cardinal Ave.", "Sun Prairie"));
            owner.getNickNames().add("Bee");
            em.persist(owner);
            em.flush();
            em.clear();
            assertThat(em.find(Owner.class, owner.getId()).getNickNames()).containsExactly("Bee");
        }
    }

    @Test
    void theSpringBootPresetInTheClassValidatesCleanOnEveryEngine() {
        EngineExecutionResults results = TestKit.run(SpringBootPreset.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
    }

    @Test
    void theRunWideNamingKeyAppliesToEveryClass() {
        List<String> failures = withSystemProperty("dbtestkit.naming", "spring-boot",
                () -> TestKit.failures(TestKit.run(DefaultNaming.class)));

        assertThat(failures).isEmpty();
    }

    @Test
    void anExplicitStrategyOfTheClassWinsOverTheRunWidePreset() {
        List<String> failures = withSystemProperty("dbtestkit.naming", "spring-boot",
                () -> TestKit.failures(TestKit.run(ClassOverridesRun.class)));

        assertThat(failures).singleElement().asString().contains("MISSING_COLUMN");
    }

    @Test
    void classesWithAndWithoutThePresetShareNoDatabaseOrFactory() {
        List<String> failures = TestKit.failures(TestKit.run(SpringBootPreset.class, DefaultNaming.class));

        assertThat(failures).singleElement().asString().contains(DefaultNaming.class.getName(), "MISSING_COLUMN");
    }

    @DatabaseTest(entities = Owner.class, hibernateProperties = "dbtestkit.naming=springboot")
    static class UnknownPreset {
        @Test
        void never() {
        }
    }

    @Test
    void anUnknownPresetInTheClassIsNamedWithTheAcceptedValues() {
        assertThat(TestKit.failures(TestKit.run(UnknownPreset.class))).singleElement().asString()
                .contains("dbtestkit.naming=springboot in @DatabaseTest(hibernateProperties) on "
                        + UnknownPreset.class.getName() + " is not a naming preset: use hibernate (Hibernate's"
                        + " defaults) or spring-boot (Spring Boot's snake_case names and join tables).");
    }

    @Test
    void anUnknownRunWidePresetSaysWhereItWasWritten() {
        List<String> failures = withSystemProperty("dbtestkit.naming", "boot",
                () -> TestKit.failures(TestKit.run(DefaultNaming.class)));

        assertThat(failures).singleElement().asString()
                .contains("dbtestkit.naming=boot in the run's configuration (junit-platform.properties, a system"
                        + " property, DBTESTKIT_NAMING or a launcher parameter) is not a naming preset: use hibernate");
    }

    /** Runs with the snake-case strategy as the run-wide key (a system property; the extension's tests run serially). */
    private static <T> T withRunKey(java.util.function.Supplier<T> run) {
        return withSystemProperty(RUN_KEY, SNAKE_CASE.substring(SNAKE_CASE.indexOf('=') + 1), run);
    }

    private static <T> T withSystemProperty(String key, String value, java.util.function.Supplier<T> run) {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
