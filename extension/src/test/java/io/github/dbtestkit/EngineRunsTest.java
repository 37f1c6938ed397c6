package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A class runs once per engine, each run a node of its own named after the engine. */
class EngineRunsTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    static class TwoEngines {
        static final java.util.List<String> engines = new java.util.ArrayList<>();

        @Test
        void records(TestDatabase db) {
            engines.add(db.engine().id());
        }
    }

    @Test
    void runsOncePerEngineInDeclaredOrderWithTheEngineInTheDisplayName() {
        TwoEngines.engines.clear();

        EngineExecutionResults results = TestKit.run(TwoEngines.class);

        assertThat(TwoEngines.engines).containsExactly("h2", "sqlite");
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("TwoEngines [h2]", "TwoEngines [sqlite]");
    }

    @DatabaseTest(engines = Engine.SQLITE)
    static class SqliteOnly {
        static final java.util.List<String> engines = new java.util.ArrayList<>();

        @Test
        void records(TestDatabase db) {
            engines.add(db.engine().id());
        }
    }

    @DatabaseTest
    static class DefaultEngine {
        static final java.util.List<String> engines = new java.util.ArrayList<>();

        @Test
        void records(TestDatabase db) {
            engines.add(db.engine().id());
        }
    }

    @Test
    void enginesKeyRunsEachClassOnTheEnginesItDeclaresThatAreListed() {
        TwoEngines.engines.clear();

        EngineExecutionResults results = TestKit.run(TwoEngines.class, Map.of("dbtestkit.engines", "sqlite,postgresql"));

        assertThat(TwoEngines.engines).containsExactly("sqlite");
        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("TwoEngines [sqlite]")
                .doesNotContain("TwoEngines [h2]", "TwoEngines [postgresql]");
    }

    @Test
    void enginesKeyKeepsTheOrderTheClassDeclares() {
        TwoEngines.engines.clear();

        TestKit.run(TwoEngines.class, Map.of("dbtestkit.engines", "sqlite, H2"));

        assertThat(TwoEngines.engines).containsExactly("h2", "sqlite");
    }

    @Test
    void classNoneOfWhoseEnginesIsListedIsSkippedWithItsEnginesAndTheKeyInTheReason() {
        SqliteOnly.engines.clear();

        EngineExecutionResults results = TestKit.run(SqliteOnly.class, Map.of("dbtestkit.engines", "postgresql"));

        assertThat(SqliteOnly.engines).isEmpty();
        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(TestKit.skips(results)).containsExactly(
                "EngineRunsTest$SqliteOnly: SqliteOnly declares [SQLITE]; dbtestkit.engines=postgresql selects none of them");
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void classThatDeclaresNoEnginesRunsOnH2WhereH2IsListed() {
        DefaultEngine.engines.clear();

        EngineExecutionResults results = TestKit.run(DefaultEngine.class, Map.of("dbtestkit.engines", "postgresql,h2"));

        assertThat(DefaultEngine.engines).containsExactly("h2");
        assertThat(TestKit.failures(results)).isEmpty();
    }

    @Test
    void classThatDeclaresNoEnginesIsSkippedWhereH2IsNotListed() {
        DefaultEngine.engines.clear();

        EngineExecutionResults results = TestKit.run(DefaultEngine.class, Map.of("dbtestkit.engines", "sqlite"));

        assertThat(DefaultEngine.engines).isEmpty();
        assertThat(TestKit.skips(results)).containsExactly(
                "EngineRunsTest$DefaultEngine: DefaultEngine declares [H2]; dbtestkit.engines=sqlite selects none of them");
    }

    @Test
    void overrideKeyRunsEveryClassOnTheListedEnginesWhateverItDeclares() {
        SqliteOnly.engines.clear();
        DefaultEngine.engines.clear();

        EngineExecutionResults sqliteOnly = TestKit.run(SqliteOnly.class, Map.of("dbtestkit.engines.override", "h2"));
        EngineExecutionResults defaultEngine = TestKit.run(DefaultEngine.class, Map.of("dbtestkit.engines.override", "sqlite"));

        assertThat(SqliteOnly.engines).containsExactly("h2");
        assertThat(DefaultEngine.engines).containsExactly("sqlite");
        assertThat(TestKit.failures(sqliteOnly)).isEmpty();
        assertThat(TestKit.failures(defaultEngine)).isEmpty();
    }

    @Test
    void overrideKeyRunsTheClassOnTheListedEnginesInTheirOrder() {
        TwoEngines.engines.clear();

        TestKit.run(TwoEngines.class, Map.of("dbtestkit.engines.override", "sqlite,h2"));

        assertThat(TwoEngines.engines).containsExactly("sqlite", "h2");
    }

    @Test
    void enginesKeyNarrowsTheOverride() {
        SqliteOnly.engines.clear();

        TestKit.run(SqliteOnly.class, Map.of("dbtestkit.engines.override", "h2,sqlite", "dbtestkit.engines", "h2"));

        assertThat(SqliteOnly.engines).containsExactly("h2");
    }

    @Test
    void enginesKeyThatSelectsNoneOfTheOverrideSkipsWithBothKeysInTheReason() {
        SqliteOnly.engines.clear();

        EngineExecutionResults results = TestKit.run(SqliteOnly.class,
                Map.of("dbtestkit.engines.override", "h2", "dbtestkit.engines", "sqlite"));

        assertThat(SqliteOnly.engines).isEmpty();
        assertThat(TestKit.skips(results)).containsExactly("EngineRunsTest$SqliteOnly: SqliteOnly runs on [H2] (dbtestkit.engines.override=h2);"
                + " dbtestkit.engines=sqlite selects none of them");
    }

    @Test
    void unknownEngineNameInTheOverrideFailsTheClassNamingTheKey() {
        SqliteOnly.engines.clear();

        EngineExecutionResults results = TestKit.run(SqliteOnly.class, Map.of("dbtestkit.engines.override", "oracle"));

        assertThat(SqliteOnly.engines).isEmpty();
        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("dbtestkit.engines.override=oracle")
                .contains("Unknown engine 'oracle'")
                .contains("h2, sqlite, postgresql");
    }

    @Test
    void unknownEngineNameFailsTheClassWithTheValidNames() {
        TwoEngines.engines.clear();

        EngineExecutionResults results = TestKit.run(TwoEngines.class, Map.of("dbtestkit.engines", "h2,oracle"));

        assertThat(TwoEngines.engines).isEmpty();
        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("dbtestkit.engines=h2,oracle")
                .contains("Unknown engine 'oracle'")
                .contains("h2, sqlite, postgresql");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    static class Conditional {
        static final java.util.List<String> ran = new java.util.ArrayList<>();

        @Test
        @EnabledOnEngine(value = Engine.SQLITE, disabledReason = "uses a SQLite pragma")
        void onlySqlite(TestDatabase db) {
            ran.add("onlySqlite@" + db.engine().id());
        }

        @Test
        @DisabledOnEngine(Engine.SQLITE)
        void notSqlite(TestDatabase db) {
            ran.add("notSqlite@" + db.engine().id());
        }
    }

    @Test
    void methodConditionsSkipWithTheirReason() {
        Conditional.ran.clear();

        EngineExecutionResults results = TestKit.run(Conditional.class);

        assertThat(Conditional.ran).containsExactlyInAnyOrder("onlySqlite@sqlite", "notSqlite@h2");
        assertThat(TestKit.skips(results)).containsExactlyInAnyOrder(
                "onlySqlite(TestDatabase): Disabled on h2: @EnabledOnEngine(sqlite): uses a SQLite pragma",
                "notSqlite(TestDatabase): Disabled on sqlite: @DisabledOnEngine(sqlite)");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    @EnabledOnEngine(Engine.H2)
    static class ClassCondition {
        static final java.util.List<String> ran = new java.util.ArrayList<>();

        @Test
        void runs(TestDatabase db) {
            ran.add(db.engine().id());
        }
    }

    @Test
    void classConditionSkipsTheWholeRunOnOtherEngines() {
        ClassCondition.ran.clear();

        EngineExecutionResults results = TestKit.run(ClassCondition.class);

        assertThat(ClassCondition.ran).containsExactly("h2");
        assertThat(TestKit.skips(results)).containsExactly("runs(TestDatabase): Disabled on sqlite: @EnabledOnEngine(h2)");
    }
}
