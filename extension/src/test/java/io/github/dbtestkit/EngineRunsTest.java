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

    @Test
    void enginesConfigurationParameterOverridesTheAnnotation() {
        TwoEngines.engines.clear();

        TestKit.run(TwoEngines.class, Map.of("dbtestkit.engines", "sqlite"));

        assertThat(TwoEngines.engines).containsExactly("sqlite");
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
