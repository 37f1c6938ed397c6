package io.github.dbtestkit.schema.internal.report;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.baseline.AcceptedDifference;
import io.github.dbtestkit.schema.baseline.BaselineEntry;

import java.util.List;

/** Hand-built reports for renderer, assertion and CLI tests, so none of them needs a live validation. */
public final class SampleReports {

    /** A message full of characters every format must escape. */
    public static final String TRICKY = "Post.title <b>bold</b> & \"quoted\" 'single' | pipe * star _under_ "
            + "`tick` [link](x) — ünïcödé 日本 😀";

    public static final Difference TYPE_ERROR = new Difference(DifferenceKind.TYPE_MISMATCH, Severity.ERROR,
            "posts", "title", "varchar(255)", "integer", TRICKY);
    public static final Difference MISSING_COLUMN = new Difference(DifferenceKind.MISSING_COLUMN, Severity.ERROR,
            "posts", "body", "varchar(255)", null, "Post.body is mapped to column body, which does not exist.");
    public static final Difference NULLABILITY_WARNING = new Difference(DifferenceKind.NULLABILITY_MISMATCH,
            Severity.WARNING, "comments", "post_id", "not null", "nullable",
            "Comment.post is not null in the mapping but the column accepts null.");
    public static final Difference UNMAPPED_TABLE = new Difference(DifferenceKind.UNMAPPED_TABLE, Severity.INFO,
            "audit<log>&\"x\"", null, null, "table", "Table audit<log>&\"x\" is not mapped by any entity.");
    public static final Difference ACCEPTED_LENGTH = new Difference(DifferenceKind.LENGTH_MISMATCH, Severity.ERROR,
            "posts", "slug", "varchar(255)", "varchar(100)", "Post.slug is longer than the column.");

    public static final BaselineEntry ACCEPTING_ENTRY = new BaselineEntry(DifferenceKind.LENGTH_MISMATCH, "posts",
            "slug", null, "varchar(100)", "Slugs are cut to 100 characters | ticket <42>", "baseline.json entry 1, line 4");
    public static final BaselineEntry STALE_ENTRY = new BaselineEntry(DifferenceKind.MISSING_INDEX, "comments",
            null, null, null, "Index dropped & re-added by the DBA", "baseline.json entry 2, line 11");

    private SampleReports() {
    }

    /** Two errors, a warning, an info, an accepted error and a stale entry, across three tables. */
    public static SchemaReport mixed() {
        return new SchemaReport("PostgreSQL", "jdbc:postgresql://localhost:5432/blog",
                List.of(TYPE_ERROR, MISSING_COLUMN, NULLABILITY_WARNING, UNMAPPED_TABLE),
                List.of("CHECK constraints are compared by name only & <roughly>."),
                List.of(new AcceptedDifference(ACCEPTED_LENGTH, ACCEPTING_ENTRY)),
                List.of(STALE_ENTRY));
    }

    /** Only a warning and an info. */
    public static SchemaReport warningsOnly() {
        return new SchemaReport("H2", "jdbc:h2:mem:blog", List.of(NULLABILITY_WARNING, UNMAPPED_TABLE), List.of());
    }

    /** No findings at all. */
    public static SchemaReport empty() {
        return new SchemaReport("SQLite", "jdbc:sqlite:/tmp/blog.db", List.of(),
                List.of("Lengths are not checked on SQLite."));
    }
}
