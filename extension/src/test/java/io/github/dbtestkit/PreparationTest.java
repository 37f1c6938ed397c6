package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import io.github.dbtestkit.setup.PreparedDatabases;
import org.junit.jupiter.api.Test;
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

    /** Registered on the class, so its beforeEach runs before dbtestkit's own per-test callbacks. */
    static final class RecordsPreparedDatabases implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            preparedWhenTestsBegan.add(PreparedDatabases.size());
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
        int before = PreparedDatabases.size();

        EngineExecutionResults results = TestKit.run(OwnDatabases.class);

        assertThat(TestKit.failures(results)).isEmpty();
        // isolation NONE: each run's database is the class's own, ready before its tests and released after them
        assertThat(preparedWhenTestsBegan).containsExactly(before + 1, before + 1);
        assertThat(PreparedDatabases.size()).isEqualTo(before);
    }
}
