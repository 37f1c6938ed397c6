package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.sql.SqlScript;
import io.github.dbtestkit.core.internal.sql.SqlStatement;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.support.TestDb;
import io.github.dbtestkit.schema.tools.MigrationGenerator;
import io.github.dbtestkit.schema.tools.MigrationScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip for every drift case on every engine it applies to: build the drifted database, generate the fix-up
 * migration, apply it, validate again. A case is either fixed (its finding is gone and no ERROR remains) or, by design,
 * left for review: the finding stays and the script carries a {@code -- WARNING:} line (with the statement commented
 * out where there is one to write). The cases left for review are listed here with the reason.
 */
class MigrationRoundTripCorpusTest {

    /** Cases the generator leaves for a person on every engine, and why. */
    private static final Map<String, String> LEFT_FOR_REVIEW = Map.ofEntries(
            entry("varchar column is an integer", "a type conversion: values may not convert"),
            entry("boolean stored as varchar", "a type conversion: values may not convert"),
            entry("Instant over timestamp without time zone", "a type conversion: the zone of existing values is unknown"),
            entry("Instant over a date column", "a type conversion"),
            entry("BigDecimal over double precision", "a type conversion: rounding"),
            entry("int stored as varchar", "a type conversion: values may not convert"),
            entry("UUID stored as varchar(36)", "a type conversion"),
            entry("@Enumerated(STRING) over an integer column", "a type conversion: ordinals to names"),
            entry("@Lob String (oid on PostgreSQL) over text", "a type conversion: text to large objects"),
            entry("varchar longer than @Column(length)", "narrowing could cut values"),
            entry("numeric more precise than the mapping", "narrowing could round values"),
            entry("not-null attribute over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@ManyToOne(optional = false) over a nullable FK column", "SET NOT NULL needs a backfill first"),
            entry("quoted mixed-case column nullable", "SET NOT NULL needs a backfill first"),
            entry("Bean Validation @NotNull over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@NotBlank over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@NotEmpty over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@NotNull on the getter (field access) over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@NotNull on the getter (property access) over a nullable column",
                    "SET NOT NULL needs a backfill first"),
            entry("constraint composed of @NotNull over a nullable column", "SET NOT NULL needs a backfill first"),
            entry("@Enumerated(STRING) constant missing from an H2 ENUM column",
                    "a type conversion: the ENUM type must be altered or replaced by a varchar"),
            entry("@Enumerated(STRING) constant missing from an H2 ENUM column of the same length",
                    "a type conversion: the ENUM type must be altered or replaced by a varchar"),
            entry("nullable attribute over NOT NULL without default", "removing NOT NULL is a decision about the data"),
            entry("optional @ManyToOne over NOT NULL without default", "removing NOT NULL is a decision about the data"),
            entry("SINGLE_TABLE subclass column NOT NULL", "removing NOT NULL is a decision about the data"),
            entry("unmapped table", "never drops a table"),
            entry("unmapped nullable column", "never drops a column"),
            entry("unmapped NOT NULL column without default", "never drops a column nor its NOT NULL"),
            entry("unmapped NOT NULL column with a default", "never drops a column"),
            entry("primary key on other columns", "changing a primary key drops the old one"),
            entry("composite primary key on one column", "changing a primary key drops the old one (and the foreign"
                    + " key that references the mapped key waits for it)"),
            entry("IDENTITY id without identity, serial or default", "no engine adds identity to a column in place"),
            entry("@UniqueConstraint on fewer columns", "the mapping's constraint name is taken by the old constraint"),
            entry("@Index on another column", "the mapping's index name is taken by the old index"));

    /** Cases SQLite cannot fix in place (no ALTER COLUMN, no ADD CONSTRAINT), for which the script says so. */
    private static final Map<String, String> LEFT_FOR_REVIEW_ON_SQLITE = Map.ofEntries(
            entry("@ManyToOne foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("foreign key references another table", "SQLite cannot add a foreign key to a table"),
            entry("optional @ManyToOne foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("join table foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("@ElementCollection foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("JOINED subclass table without FK to its parent", "SQLite cannot add a foreign key to a table"),
            entry("@OneToOne foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("composite foreign key missing", "SQLite cannot add a foreign key to a table"),
            entry("primary key missing", "SQLite cannot add a primary key to a table"),
            entry("join table without primary key", "SQLite cannot add a primary key to a table"),
            entry("join table with a NOT NULL unique constraint instead of a primary key",
                    "SQLite cannot add a primary key to a table"),
            entry("numeric precision lower than the mapping", "SQLite cannot change a column's type"),
            entry("numeric scale lower than the mapping", "SQLite cannot change a column's type"));

    /** Cases left for review elsewhere that SQLite fixes, and why. */
    private static final Map<String, String> FIXED_ON_SQLITE = Map.of("@UniqueConstraint on fewer columns",
            "SQLite names the old inline constraint sqlite_autoindex_..., so the mapping's name is free for a unique"
                    + " index");

    /** Cases whose finding is only noted in the script, with nothing to run or to review. */
    private static final Map<String, String> NOTED_ONLY = Map.of(
            "CHECK constraint the mapping does not know", "a CHECK the mapping does not know is the DBA's; never dropped");

    static Stream<Arguments> cases() {
        return Corpus.drift().stream().flatMap(c -> c.engines().stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("cases")
    void generatedMigrationFixesTheDriftOrLeavesItForReview(Corpus.Case drift, EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(Ddl.render(drift.ddl(), engine));
            Class<?>[] entities = drift.entities().toArray(Class<?>[]::new);

            MigrationScript script = MigrationGenerator.forEntities(entities).against(db.dataSource())
                    .withVersion("2").flyway("fix");
            apply(db, script);
            SchemaReport after = SchemaValidator.forEntities(entities).against(db.dataSource()).validate();

            boolean stillThere = after.differences().stream().anyMatch(d -> DriftCorpusTest.matches(d, drift.finding()));
            String reason = reasonLeft(drift, engine);
            if (NOTED_ONLY.containsKey(drift.name())) {
                assertThat(script.hasChanges()).as(script.text()).isFalse();
                assertThat(stillThere).isTrue();
            } else if (reason != null) {
                assertThat(stillThere).as("left for review (%s), so still reported:%n%s", reason,
                        DriftCorpusTest.describe(after)).isTrue();
                assertThat(script.warnings()).as(script.text()).isNotEmpty();
                assertThat(script.text()).contains("-- WARNING: ");
            } else {
                assertThat(stillThere).as("fixed by:%n%s%nyet still reported:%n%s", script.text(),
                        DriftCorpusTest.describe(after)).isFalse();
                assertThat(after.differences(Severity.ERROR)).as("errors after applying%n%s", script.text())
                        .isEmpty();
            }
        }
    }

    @Test
    void everyCaseLeftForReviewIsACaseOfTheCorpus() {
        var names = Corpus.drift().stream().map(Corpus.Case::name).collect(Collectors.toSet());
        assertThat(names).containsAll(LEFT_FOR_REVIEW.keySet()).containsAll(LEFT_FOR_REVIEW_ON_SQLITE.keySet())
                .containsAll(NOTED_ONLY.keySet());
    }

    private static String reasonLeft(Corpus.Case drift, EngineKind engine) {
        if (engine == EngineKind.SQLITE && FIXED_ON_SQLITE.containsKey(drift.name())) {
            return null;
        }
        String reason = LEFT_FOR_REVIEW.get(drift.name());
        return reason == null && engine == EngineKind.SQLITE ? LEFT_FOR_REVIEW_ON_SQLITE.get(drift.name()) : reason;
    }

    /** Runs the script as a migration tool would: statement by statement, in one transaction. */
    static void apply(TestDb db, MigrationScript script) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (SqlStatement statement : SqlScript.split(script.text())) {
                    try {
                        s.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new IllegalStateException("Line " + statement.line() + " of the generated "
                                + script.fileName() + " failed on " + db.engine() + ": " + e.getMessage() + "\n"
                                + script.text(), e);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String errors(SchemaReport report) {
        return report.differences(Severity.ERROR).stream().map(Difference::message).collect(Collectors.joining("\n"));
    }
}
