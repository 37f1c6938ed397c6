package com.example.drift;

import com.example.blog.Comment;
import com.example.blog.Post;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.Sql;
import io.github.dbtestkit.TestDatabase;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schema validator on a hand-written schema that drifted from the entities: every finding in one pass, the same
 * severities on every engine, reports for people and CI, and AssertJ assertions that fail with the report.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, schema = SchemaMode.NONE,
        isolation = Isolation.FRESH_DATABASE, validateSchema = false)
@Sql("legacy-schema.sql")
class SchemaDriftTest {

    @Test
    void findsEveryDifferenceInOnePass(DataSource dataSource, TestDatabase db) {
        SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(dataSource).validate();

        // unmapped names are spelled as the database does (H2 upper-cases unquoted identifiers)
        assertThat(report.differences())
                .extracting(Difference::kind, Difference::severity, d -> d.table().toLowerCase(), d -> d.column().toLowerCase())
                .contains(
                        tuple(DifferenceKind.UNMAPPED_COLUMN, Severity.ERROR, "comments", "author"),
                        tuple(DifferenceKind.MISSING_FOREIGN_KEY, Severity.WARNING, "comments", "post_id"),
                        tuple(DifferenceKind.MISSING_IDENTITY, Severity.ERROR, "posts", "id"));
        if (db.engine() == Engine.SQLITE) {
            // SQLite does not enforce lengths, so a shorter column is no error there, and the report says so
            assertThat(report.notes()).anySatisfy(note -> assertThat(note).containsIgnoringCase("length"));
        } else {
            assertThat(report.differences()).extracting(Difference::kind, Difference::severity, Difference::column)
                    .contains(tuple(DifferenceKind.LENGTH_MISMATCH, Severity.ERROR, "body"));
        }
        System.out.println(report.render(ReportFormat.TEXT));
    }

    @Test
    void assertionsFailWithTheTextReport(DataSource dataSource) {
        SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(dataSource).validate();

        assertThatThrownBy(() -> io.github.dbtestkit.schema.SchemaAssertions.assertThat(report).hasNoErrors())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UNMAPPED_COLUMN")
                .hasMessageContaining("every insert through the mapping fails");
        assertThatThrownBy(() -> io.github.dbtestkit.schema.SchemaAssertions.assertThat(dataSource)
                .matchesEntities(Post.class, Comment.class))
                .hasMessageContaining("UNMAPPED_COLUMN");
    }

    @Test
    void rendersForCi(DataSource dataSource) {
        SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(dataSource).validate();

        assertThat(report.render(ReportFormat.MARKDOWN)).contains("UNMAPPED\\_COLUMN");
        assertThat(report.render(ReportFormat.JUNIT_XML)).contains("<testcase").contains("comments");
        assertThat(report.render(ReportFormat.JSON)).contains("\"kind\"");
        assertThat(report.render(ReportFormat.HTML)).startsWith("<!DOCTYPE html>");
    }
}
