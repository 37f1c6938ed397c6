package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A test that takes a {@link CrossEngine} runs once and compares every engine of its class, on the same seed data. */
class CrossEngineTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Compared {

        @Test
        @Order(1)
        @Sql("cross-engine-posts.sql")
        void seedDataFromSqlIsOnEveryEngine(CrossEngine engines) {
            engines.sql("select body from posts order by id").assertSameOnAllEngines();
            CrossEngineResult count = engines.sql("select count(*) from posts").normalizingTypes().assertSameOnAllEngines();
            assertThat(((Number) count.value(Engine.POSTGRESQL)).intValue()).isEqualTo(3);
        }

        @Test
        @Order(2)
        void likeIsCaseInsensitiveOnSqliteOnly(CrossEngine engines) {
            CrossEngineResult like = engines.sql("select case when 'ABC' like 'abc' then 1 else 0 end as matches")
                    .normalizingTypes().results();

            assertThat(like.differingEngines()).containsExactly(Engine.SQLITE);
            assertThat(((Number) like.value(Engine.SQLITE)).intValue()).isEqualTo(1);
            assertThat(((Number) like.value(Engine.POSTGRESQL)).intValue()).isZero();
        }

        @Test
        @Order(3)
        void anEngineThatRefusesAStatementGivesAnErrorAndStaysUsable(CrossEngine engines) {
            CrossEngineResult division = engines.sql("select 1 / 0 as q").results();

            assertThat(division.outcome(Engine.POSTGRESQL).failed()).isTrue();
            assertThat(division.outcome(Engine.POSTGRESQL).sqlState()).isEqualTo("22012");
            assertThat(division.outcome(Engine.H2).sqlState()).isEqualTo("22012");
            assertThat(division.value(Engine.SQLITE)).isNull();
            // PostgreSQL aborts a transaction after an error; the savepoint keeps the engine's transaction usable
            engines.sql("select 2 as two").normalizingTypes().assertSameOnAllEngines();
        }

        @Test
        @Order(4)
        void setupAndJpqlRunOnEveryEngine(CrossEngine engines, EntityManager em) {
            engines.execute("insert into posts (body) values (?)", "hello");
            engines.onEachEngine((engine, connection) -> {
                try (var statement = connection.prepareStatement("insert into posts (body) values (?)")) {
                    statement.setString(1, "on " + engine.id());
                    statement.executeUpdate();
                }
            });

            CrossEngineResult bodies = engines.jpql("select p.body from Post p where p.body <> ?1 order by p.body", "hello")
                    .results();

            assertThat(bodies.values(Engine.H2)).containsExactly("on h2");
            assertThat(bodies.values(Engine.SQLITE)).containsExactly("on sqlite");
            assertThat(bodies.differingEngines()).containsExactly(Engine.SQLITE, Engine.POSTGRESQL);
            engines.jpql("select count(p) from Post p").assertSameOnAllEngines();
            // the run's own engine shares the test's transaction
            assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isEqualTo(2);
        }

        @Test
        @Order(5)
        void aDifferenceFailsWithTheRowsSideBySide(CrossEngine engines) {
            engines.sql("select case when 'ABC' like 'abc' then 1 else 0 end as matches").normalizingTypes()
                    .assertSameOnAllEngines();
        }

        @Test
        @Order(6)
        void everyEnginesWorkWasRolledBack(CrossEngine engines) {
            engines.sql("select count(*) from posts").normalizingTypes().assertSameOnAllEngines();
            assertThat(((Number) engines.sql("select count(*) from posts").results().value(Engine.SQLITE)).intValue())
                    .isZero();
        }

        @Test
        @Order(7)
        void anOrdinaryTestStillRunsOnEachEngine(EntityManager em) {
            assertThat(em.createQuery("select count(p) from Post p", Long.class).getSingleResult()).isZero();
        }
    }

    @Test
    void aCrossEngineTestRunsOnceInTheFirstRunAndIsSkippedInTheOthersWithAReason() {
        EngineExecutionResults results = TestKit.run(Compared.class);

        List<String> failures = TestKit.failures(results);
        assertThat(failures).singleElement().asString()
                .startsWith("aDifferenceFailsWithTheRowsSideBySide(CrossEngine)")
                .contains("Expected the same result on H2, SQLite, PostgreSQL, but SQLite differs from H2:",
                        "select case when 'ABC' like 'abc' then 1 else 0 end as matches", "(numbers by value, types normalised)",
                        "# | H2        | SQLite    | PostgreSQL", "1 | 0         | 1         | 0           ≠");
        results.testEvents().assertStatistics(stats -> stats.succeeded(5 + 3).failed(1).skipped(6 * 2));
        assertThat(TestKit.skips(results)).filteredOn(skip -> skip.startsWith("seedDataFromSqlIsOnEveryEngine"))
                .containsOnly("seedDataFromSqlIsOnEveryEngine(CrossEngine): CrossEngine test: it runs once, in the [h2]"
                        + " run, where it compares h2, sqlite, postgresql");
    }

    @Test
    void eachResultIsAReportEntryNamingEveryEngine() {
        EngineExecutionResults results = TestKit.run(Compared.class);

        List<String> entries = results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(java.util.Optional::stream)
                .filter(ReportEntry.class::isInstance).map(ReportEntry.class::cast)
                .map(ReportEntry::getKeyValuePairs).map(Map::entrySet).flatMap(java.util.Set::stream)
                .filter(e -> e.getKey().equals("dbtestkit.cross-engine")).map(Map.Entry::getValue).toList();
        assertThat(entries).anySatisfy(entry -> assertThat(entry).startsWith("select 1 / 0 as q → h2: error [22012] ")
                        .endsWith("; sqlite: 1 row; postgresql: error [22012] ERROR: division by zero").doesNotContain("\n"))
                .anySatisfy(entry -> assertThat(entry).startsWith("select body from posts order by id → h2: 3 rows; "
                        + "sqlite: 3 rows; postgresql: 3 rows"));
    }

    @DatabaseTest(engines = Engine.H2, entities = Post.class)
    static class OneEngine {
        @Test
        void compares(CrossEngine engines) {
        }
    }

    @Test
    void withOneEngineThereIsNothingToCompareAndTheTestIsSkippedSayingHowToGetMore() {
        EngineExecutionResults results = TestKit.run(OneEngine.class);

        assertThat(TestKit.skips(results)).containsExactly("compares(CrossEngine): CrossEngine compares the engines of"
                + " the class, and this run has only h2: list two or more in @DatabaseTest(engines), or widen"
                + " dbtestkit.engines");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = Post.class)
    @DisabledOnEngine(Engine.H2)
    static class FirstEngineDisabled {
        @Test
        void compares(CrossEngine engines) {
        }
    }

    @Test
    void anEngineTheClassRulesOutIsNotCompared() {
        EngineExecutionResults results = TestKit.run(FirstEngineDisabled.class);

        assertThat(TestKit.skips(results)).contains("compares(CrossEngine): CrossEngine compares the engines of the"
                + " class, and this run has only sqlite: list two or more in @DatabaseTest(engines), or widen"
                + " dbtestkit.engines");
    }
}
