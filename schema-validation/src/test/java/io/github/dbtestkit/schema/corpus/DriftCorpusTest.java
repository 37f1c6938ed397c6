package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.support.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every drift case produces its finding, with its severity, on every engine it applies to; Hibernate's own validator
 * runs side by side and the table of who caught what goes to target/corpus/drift.md.
 */
class DriftCorpusTest {

    private static final CorpusTable TABLE = new CorpusTable();

    static Stream<Arguments> cases() {
        return Corpus.drift().stream().flatMap(c -> c.engines().stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("cases")
    void driftIsReportedWithItsSeverity(Corpus.Case drift, EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(Ddl.render(drift.ddl(), engine));

            SchemaReport report = SchemaValidator.forEntities(drift.entities().toArray(Class<?>[]::new))
                    .against(db.dataSource()).validate();
            String hibernate = HibernateValidation.firstError(engine, db.dataSource(), drift.entities());

            boolean found = report.differences().stream().anyMatch(d -> matches(d, drift.finding()));
            TABLE.record(drift, engine, found, hibernateVerdict(hibernate, drift.finding()));
            assertThat(found).as("expected %s among:%n%s", drift.finding(), describe(report)).isTrue();
        }
    }

    @Test
    void corpusHasAtLeastFortyDriftCases() {
        assertThat(Corpus.drift()).hasSizeGreaterThanOrEqualTo(40);
    }

    @AfterAll
    static void writeTable() {
        TABLE.write("drift.md", true);
    }

    /**
     * Hibernate stops at its first complaint, so it caught the drift only when that complaint names the drifted
     * table (and column); a complaint about something else (on SQLite, its false positive on a Long id over
     * INTEGER PRIMARY KEY) is recorded as "no (other error)".
     */
    static String hibernateVerdict(String message, Corpus.Finding finding) {
        if (message == null) {
            return "no";
        }
        String text = message.toLowerCase(java.util.Locale.ROOT);
        String column = finding.column() == null ? null : finding.column().split(",")[0].trim();
        boolean names = text.contains(finding.table().toLowerCase(java.util.Locale.ROOT))
                && (column == null || text.contains(column.toLowerCase(java.util.Locale.ROOT)));
        return names ? "yes" : "no (other error)";
    }

    static boolean matches(Difference d, Corpus.Finding f) {
        return d.kind() == f.kind() && d.severity() == f.severity() && d.table().equalsIgnoreCase(f.table())
                && (f.column() == null || d.column() != null && columnSet(f.column()).equals(columnSet(d.column())))
                && (f.says() == null || d.message().contains(f.says()));
    }

    /** Multi-column findings list their columns in the mapping's key order, which is not the corpus's concern. */
    private static java.util.Set<String> columnSet(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> c.trim().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    static String describe(SchemaReport report) {
        return report.differences().stream()
                .map(d -> "  " + d.kind() + " " + d.severity() + " " + d.table() + "." + d.column() + ": " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
