package io.github.dbtestkit;

import io.github.dbtestkit.migrated.ShopUser;
import io.github.dbtestkit.migrated.UserWithPhone;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** validateSchema (the default) checks the entities against a migrated schema once, and fails every test on drift. */
class SchemaValidationInTestsTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = ShopUser.class,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class Matching {
        @Test
        void runs(EntityManager em) {
            assertThat(em.createQuery("select count(u) from ShopUser u", Long.class).getSingleResult()).isZero();
        }
    }

    @Test
    void matchingEntitiesRunAndEachEnginesReportIsWrittenInEveryFormat(@TempDir Path reports) throws IOException {
        EngineExecutionResults results = TestKit.run(Matching.class, Map.of("dbtestkit.report.dir", reports.toString()));

        assertThat(TestKit.failures(results)).isEmpty();
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(f -> f.getFileName().toString().replaceAll("-[0-9a-f]{10}\\.", "-X.")))
                    .contains("schema-h2-X.txt", "schema-h2-X.json", "schema-h2-X.md", "schema-h2-X.xml", "schema-h2-X.html",
                            "schema-sqlite-X.txt", "schema-postgresql-X.html");
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = UserWithPhone.class,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class Drifting {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = UserWithPhone.class,
            migrations = "classpath:migration-fixtures/flyway/shop")
    @AcceptedDifference(value = "users.phone: MISSING_COLUMN", engines = Engine.H2,
            reason = "the phone column ships with the next release")
    static class DriftAcceptedOnH2 {
        @Test
        void runs() {
        }
    }

    @Test
    void anAcceptedDifferenceOnTheClassLetsItsEnginesRunAndOnlyThose() {
        EngineExecutionResults results = TestKit.run(DriftAcceptedOnH2.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("do not match the MIGRATIONS schema on SQLite", "phone");
    }

    @Test
    void driftFailsEveryTestOfTheClassWithTheReport() {
        EngineExecutionResults results = TestKit.run(Drifting.class);

        assertThat(TestKit.failures(results)).hasSize(4).allSatisfy(message -> assertThat(message)
                .contains("The entities of " + Drifting.class.getName() + " do not match the MIGRATIONS schema on")
                .contains("MISSING_COLUMN")
                .contains("users")
                .contains("phone")
                .contains("validateSchema = false"));
    }

    @DatabaseTest(engines = Engine.H2, entities = UserWithPhone.class, validateSchema = false,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class DriftingButNotValidated {
        @Test
        void runs() {
        }
    }

    @Test
    void validateSchemaFalseRunsAnyway() {
        EngineExecutionResults results = TestKit.run(DriftingButNotValidated.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @DatabaseTest(engines = Engine.H2, entityPackages = "io.github.dbtestkit.fixtures")
    static class ScannedPackage {
        @Test
        void findsTheEntities(org.hibernate.SessionFactory sf) {
            assertThat(sf.getMetamodel().getEntities()).extracting(jakarta.persistence.metamodel.EntityType::getName)
                    .containsExactlyInAnyOrder("Post", "Comment");
        }
    }

    @Test
    void entityPackagesAreScanned() {
        EngineExecutionResults results = TestKit.run(ScannedPackage.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @DatabaseTest(engines = Engine.H2, entityPackages = "com.nowhere.model")
    static class EmptyPackage {
        @Test
        void never() {
        }
    }

    @Test
    void aPackageWithoutEntitiesIsNamed() {
        EngineExecutionResults results = TestKit.run(EmptyPackage.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("Package com.nowhere.model in @DatabaseTest(entityPackages) on " + EmptyPackage.class.getName());
    }
}
