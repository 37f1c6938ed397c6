package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.github.dbtestkit.RollbackIsolationTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Sql} scripts run inside the test's transaction, class scripts first, paths resolved as in Spring. */
class SqlScriptTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = {Post.class, Comment.class})
    @Sql("sql/one-post.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WithScripts {

        @Test
        @Order(1)
        @Sql({"/io/github/dbtestkit/sql/two-posts.sql", "classpath:io/github/dbtestkit/sql/comment-on-first.sql"})
        void classThenMethodScripts(DataSource ds) throws SQLException {
            assertThat(count(ds, "posts")).isEqualTo(3);
            assertThat(count(ds, "comments")).isEqualTo(1);
        }

        @Test
        @Order(2)
        void scriptDataOfEarlierTestsIsGone(DataSource ds) throws SQLException {
            assertThat(count(ds, "posts")).isEqualTo(1);
            assertThat(count(ds, "comments")).isZero();
        }
    }

    @Test
    void scriptsRunInOrderInsideTheTestTransaction() {
        EngineExecutionResults results = TestKit.run(WithScripts.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(4));
    }

    @DatabaseTest(entities = {Post.class, Comment.class})
    static class BrokenScript {
        @Test
        @Sql("sql/broken.sql")
        void broken() {
        }

        @Test
        @Sql("sql/missing.sql")
        void missing() {
        }
    }

    @Test
    void failingStatementIsNamedWithScriptAndLine() {
        EngineExecutionResults results = TestKit.run(BrokenScript.class);

        assertThat(TestKit.failures(results)).anySatisfy(message -> assertThat(message)
                .startsWith("broken()")
                .contains("@Sql script io/github/dbtestkit/sql/broken.sql failed at line 4: insert into no_such_table"));
        assertThat(TestKit.failures(results)).anySatisfy(message -> assertThat(message)
                .startsWith("missing()")
                .contains("@Sql(\"sql/missing.sql\")")
                .contains("no such script on the classpath (looked for io/github/dbtestkit/sql/missing.sql)"));
    }
}
