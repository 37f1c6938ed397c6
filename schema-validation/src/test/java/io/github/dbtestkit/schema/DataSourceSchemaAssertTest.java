package io.github.dbtestkit.schema;

import io.github.dbtestkit.schema.cli.fixture.Comment;
import io.github.dbtestkit.schema.cli.fixture.Databases;
import io.github.dbtestkit.schema.cli.fixture.Post;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.dbtestkit.schema.SchemaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSourceSchemaAssertTest {

    @TempDir
    Path dir;

    private String url;
    private JdbcDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        url = "jdbc:h2:" + dir.resolve("blog").toAbsolutePath();
        Databases.createAll(url, Post.class, Comment.class);
        dataSource = new JdbcDataSource();
        dataSource.setURL(url);
    }

    @Test
    void matchesEntitiesNeedsAtLeastOneEntity() {
        assertThatThrownBy(() -> assertThat(dataSource).matchesEntities())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matchesEntities needs at least one entity class, e.g. matchesEntities(Post.class, "
                        + "Comment.class).");
        assertThatThrownBy(() -> assertThat(dataSource).matchesEntitiesIn())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matchesEntitiesIn needs at least one package, e.g. matchesEntitiesIn(\"com.acme.model\").");
    }

    @Test
    void passesWhenTheDatabaseMatches() {
        assertThatCode(() -> assertThat(dataSource).matchesEntities(Post.class, Comment.class)
                .matchesEntitiesIn(Post.class.getPackageName())).doesNotThrowAnyException();
    }

    @Test
    void failsWithTheTextReportOnErrors() {
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");

        assertThatThrownBy(() -> assertThat(dataSource).matchesEntities(Post.class, Comment.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected the database to match the entities [Post, Comment], but found "
                        + "1 error:\n\nSchema check of jdbc:h2:")
                .hasMessageContaining("MISSING_COLUMN");
    }

    @Test
    void warningsPassMatchesEntitiesButNotTheStrictReportAssertion() {
        Databases.execute(url, "ALTER TABLE posts ALTER COLUMN title SET NULL");

        assertThatCode(() -> assertThat(dataSource).matchesEntities(Post.class, Comment.class))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(dataSource).schemaReportFor(Post.class, Comment.class).hasNoWarnings())
                .hasMessageStartingWith("Expected no schema warnings, but found 1 warning:")
                .hasMessageContaining("NULLABILITY_MISMATCH");
    }

    @Test
    void aBaselineAcceptsKnownDrift() throws Exception {
        Databases.execute(url, "ALTER TABLE posts DROP COLUMN title");
        Path baseline = Files.writeString(dir.resolve("baseline.json"), """
                {"version": 1, "accepted": [
                  {"kind": "MISSING_COLUMN", "table": "posts", "column": "title", "reason": "Renamed next release"}
                ]}
                """);

        assertThatCode(() -> assertThat(dataSource).withBaseline(baseline).matchesEntities(Post.class, Comment.class))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(dataSource).withBaseline(baseline).schemaReportFor(Post.class, Comment.class)
                .hasAccepted(DifferenceKind.MISSING_COLUMN, "posts", "title")).doesNotThrowAnyException();
    }
}
