package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.internal.lifecycle.RunResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database of a run is prepared before its tests start (before any test's {@code @BeforeEach} callbacks), so
 * IDEs, Surefire and the run report do not charge engine start-up and schema creation to the first test; a database
 * only that class can use is released when its run ends.
 */
class PreparationTest {

    static final List<Integer> preparedWhenTestsBegan = new ArrayList<>();
    static final List<Integer> preparedWhenClassEnded = new ArrayList<>();

    /** Registered on the class, so its beforeEach runs before dbtestkit's own per-test callbacks. */
    static final class RecordsPreparedDatabases implements BeforeEachCallback, AfterAllCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            preparedWhenTestsBegan.add(prepared(context));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            preparedWhenClassEnded.add(prepared(context));
        }

        private static int prepared(ExtensionContext context) {
            return RunResources.provisioner(context, Settings.defaults()).prepared().size();
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class}, isolation = Isolation.NONE)
    @ExtendWith(RecordsPreparedDatabases.class)
    static class OwnDatabases {
        @Test
        void first() {
        }
    }

    @Test
    void eachRunsDatabaseExistsBeforeItsFirstTestBeginsAndAnOwnOneIsReleasedAfterIt() {
        preparedWhenTestsBegan.clear();
        preparedWhenClassEnded.clear();

        EngineExecutionResults results = TestKit.run(OwnDatabases.class);

        assertThat(TestKit.failures(results)).isEmpty();
        // isolation NONE: each run's database is the class's own, ready before its tests and released after them
        assertThat(preparedWhenTestsBegan).containsExactly(1, 1);
        assertThat(preparedWhenClassEnded).containsExactly(0);
    }
}
