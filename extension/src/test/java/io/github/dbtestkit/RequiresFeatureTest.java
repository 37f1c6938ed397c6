package io.github.dbtestkit;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RequiresFeature} skips a test on the engines, and versions, that lack a feature, saying who has it. */
class RequiresFeatureTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, isolation = Isolation.NONE)
    static class OnMethods {

        @Test
        @RequiresFeature(Feature.RETURNING)
        void returning(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table returned (id integer primary key)");
                try (ResultSet rows = statement.executeQuery("insert into returned values (3) returning id")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(3);
                } finally {
                    statement.execute("drop table returned");
                }
            }
        }

        @Test
        @RequiresFeature({Feature.WINDOW_FUNCTIONS, Feature.SEQUENCES})
        void windowFunctionsAndSequences() {
        }

        @Test
        @RequiresFeature(Feature.WINDOW_FUNCTIONS)
        void windowFunctions() {
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    @RequiresFeature(Feature.TRANSACTIONAL_DDL)
    static class OnTheClass {

        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @DatabaseTest(engines = Engine.H2)
    static class NoFeature {

        @Test
        @RequiresFeature({})
        void nothing() {
        }
    }

    @Test
    void aTestRunsWhereTheEngineHasTheFeatureAndIsSkippedElsewhereWithWhoHasIt() {
        EngineExecutionResults results = TestKit.run(OnMethods.class);

        assertThat(TestKit.failures(results)).isEmpty();
        // returning on SQLite, windowFunctionsAndSequences on H2, windowFunctions on both
        assertThat(results.testEvents().succeeded().count()).isEqualTo(4);
        assertThat(TestKit.skips(results)).satisfiesExactlyInAnyOrder(
                skip -> assertThat(skip).matches("returning\\(Connection\\): Skipped on h2 \\d+(\\.\\d+)*: no RETURNING"
                        + " \\(SQLite 3\\.35\\+ and PostgreSQL 8\\.2\\+ have it\\)"),
                skip -> assertThat(skip).matches("windowFunctionsAndSequences\\(\\): Skipped on sqlite \\d+(\\.\\d+)*:"
                        + " no sequences \\(H2 and PostgreSQL have it\\)"));
    }

    @Test
    void onTheClassItAppliesToEachTestOfTheEnginesThatLackTheFeature() {
        EngineExecutionResults results = TestKit.run(OnTheClass.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(TestKit.skips(results)).hasSize(2).allSatisfy(skip -> assertThat(skip)
                .matches("(first|second)\\(\\): Skipped on h2 \\d+(\\.\\d+)*: no transactional DDL"
                        + " \\(SQLite and PostgreSQL have it\\)"));
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void anAnnotationWithoutFeaturesFailsTheTestSayingWhatToDo() {
        assertThat(TestKit.failures(TestKit.run(NoFeature.class)))
                .anySatisfy(failure -> assertThat(failure).contains("@RequiresFeature names no feature: list at least one."));
    }

    @Test
    void versionsCompareByTheirLeadingNumbers() {
        assertThat(Feature.RETURNING.supportedBy(Engine.SQLITE, "3.34.1")).isFalse();
        assertThat(Feature.RETURNING.supportedBy(Engine.SQLITE, "3.35.0")).isTrue();
        assertThat(Feature.RETURNING.supportedBy(Engine.SQLITE, "3.35")).isTrue();
        assertThat(Feature.SKIP_LOCKED.supportedBy(Engine.H2, "2.1.214 (2022-06-13)")).isFalse();
        assertThat(Feature.SKIP_LOCKED.supportedBy(Engine.H2, "2.2.220 (2023-07-04)")).isTrue();
        assertThat(Feature.SKIP_LOCKED.supportedBy(Engine.POSTGRESQL, "9.4.26")).isFalse();
        assertThat(Feature.SKIP_LOCKED.supportedBy(Engine.POSTGRESQL, "17.11")).isTrue();
        assertThat(Feature.SEQUENCES.supportedBy(Engine.SQLITE, "3.54.1")).isFalse();
        assertThat(Feature.SEQUENCES.minimumVersion(Engine.H2)).contains("0");
        assertThat(Feature.RETURNING.minimumVersion(Engine.H2)).isEmpty();
        assertThatThrownBy(() -> Feature.RETURNING.supportedBy(Engine.SQLITE, "unknown"))
                .hasMessage("Version 'unknown' does not start with a number.");
    }
}
