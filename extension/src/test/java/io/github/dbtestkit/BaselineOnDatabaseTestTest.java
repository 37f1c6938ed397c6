package io.github.dbtestkit;

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

/**
 * A baseline named on a {@code @DatabaseTest} (or for the run) lets a class with known differences run, entry by entry
 * on the engines each entry names. The fixture's migrations differ per engine: on H2 the name column is 30 characters
 * and the phone column is missing, on PostgreSQL only the phone column is missing, SQLite's match the entity.
 */
class BaselineOnDatabaseTestTest {

    private static final String MIGRATIONS = "classpath:migration-fixtures/flyway/baseline/{engine}";

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = UserWithPhone.class,
            migrations = MIGRATIONS, baseline = "baselines/users-baseline.json")
    static class KnownDifferences {
        @Test
        void runs(EntityManager em) {
            assertThat(em.createQuery("select count(u) from UserWithPhone u", Long.class).getSingleResult()).isZero();
        }
    }

    @Test
    void aClassWithKnownDifferencesRunsGreenFromTheBaselineItNamesOnEveryEngine(@TempDir Path reports) throws IOException {
        EngineExecutionResults results = TestKit.run(KnownDifferences.class, Map.of("dbtestkit.report.dir",
                reports.toString()));

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        // the class's view of the shared report, with what it accepts and why, is a file of its own
        try (Stream<Path> files = Files.list(reports)) {
            Path h2 = files.filter(f -> f.getFileName().toString().matches("schema-h2-[0-9a-f]{10}-KnownDifferences\\.txt"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(h2)).contains("0 errors", "2 accepted",
                    "[accepted: H2's script keeps the old 30-character names]");
            assertThat(Files.readString(Path.of(h2.toString().replace(".txt", ".json"))))
                    .contains("classpath:baselines/users-baseline.json entry 1, line 4");
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = UserWithPhone.class,
            migrations = MIGRATIONS)
    static class NoBaseline {
        @Test
        void runs() {
        }
    }

    @Test
    void withoutTheBaselineTheSameClassFailsWhereTheSchemaDiffers() {
        EngineExecutionResults results = TestKit.run(NoBaseline.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(2));
        assertThat(TestKit.failures(results)).anySatisfy(message -> assertThat(message)
                        .contains("on H2: 2 errors", "users.name", "LENGTH_MISMATCH", "MISSING_COLUMN"))
                .anySatisfy(message -> assertThat(message).contains("on PostgreSQL: 1 error", "users.phone"));
    }

    @Test
    void theRunWideKeyNamesTheBaselineOfEveryClassThatNamesNone() {
        EngineExecutionResults results = TestKit.run(NoBaseline.class,
                Map.of("dbtestkit.baseline", "classpath:baselines/users-baseline.json"));

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
    }

    @DatabaseTest(engines = {Engine.H2, Engine.POSTGRESQL}, entities = UserWithPhone.class, migrations = MIGRATIONS,
            baseline = "classpath:baselines/users-baseline-h2-only.json")
    static class BaselineForH2Only {
        @Test
        void runs() {
        }
    }

    @Test
    void entriesLimitedToAnEngineAcceptNothingElsewhereAndTheClassBaselineReplacesTheRunsOne() {
        EngineExecutionResults results = TestKit.run(BaselineForH2Only.class,
                Map.of("dbtestkit.baseline", "classpath:baselines/users-baseline.json"));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("do not match the MIGRATIONS schema on PostgreSQL", "users.phone");
    }

    @DatabaseTest(engines = Engine.H2, entities = UserWithPhone.class, migrations = MIGRATIONS,
            baseline = "baselines/no-such-baseline.json")
    static class MissingBaseline {
        @Test
        void never() {
        }
    }

    @DatabaseTest(engines = Engine.H2, entities = UserWithPhone.class, migrations = MIGRATIONS,
            baseline = "classpath:baselines/malformed.json")
    static class MalformedBaseline {
        @Test
        void never() {
        }
    }

    @Test
    void aMissingOrMalformedBaselineIsNamedWithTheClassAndTheFile() {
        assertThat(TestKit.failures(TestKit.run(MissingBaseline.class))).singleElement().asString()
                .contains("@DatabaseTest(baseline = \"baselines/no-such-baseline.json\") on "
                        + MissingBaseline.class.getName() + ": the baseline baselines/no-such-baseline.json is not on"
                        + " the test class path: put it under src/test/resources/baselines/no-such-baseline.json");
        assertThat(TestKit.failures(TestKit.run(MalformedBaseline.class))).singleElement().asString()
                .contains("@DatabaseTest(baseline = \"classpath:baselines/malformed.json\") on "
                        + MalformedBaseline.class.getName() + ": Baseline file classpath:baselines/malformed.json at"
                        + " line 4", "unknown field 'colum'");
    }
}
