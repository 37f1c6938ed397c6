package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.support.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Correct hand-written schemas produce no error and no warning on any engine. */
class CorrectSchemaCorpusTest {

    private static final CorpusTable TABLE = new CorpusTable();
    private static final java.util.Set<String> HIBERNATE_COMPLAINTS = new java.util.concurrent.ConcurrentSkipListSet<>();

    static Stream<Arguments> cases() {
        return Corpus.correct().stream().flatMap(c -> c.engines().stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("cases")
    void correctSchemaHasNoErrorOrWarning(Corpus.Case schema, EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(Ddl.render(schema.ddl(), engine));

            SchemaReport report = SchemaValidator.forEntities(schema.entities().toArray(Class<?>[]::new))
                    .against(db.dataSource()).validate();
            String hibernate = HibernateValidation.firstError(engine, db.dataSource(), schema.entities());

            boolean clean = report.differences(Severity.ERROR).isEmpty() && report.differences(Severity.WARNING).isEmpty();
            TABLE.record(schema, engine, clean, hibernate == null ? "passes" : "fails");
            if (hibernate != null) {
                HIBERNATE_COMPLAINTS.add(engine + ": " + schema.name() + ": " + hibernate);
            }
            assertThat(report.differences()).as(DriftCorpusTest.describe(report))
                    .noneMatch(d -> d.severity() != Severity.INFO);
        }
    }

    @Test
    void corpusHasAtLeastTwelveCorrectSchemas() {
        assertThat(Corpus.correct()).hasSizeGreaterThanOrEqualTo(12);
    }

    @AfterAll
    static void writeTable() {
        TABLE.write("correct.md", false);
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "corpus", "hibernate-on-correct-schemas.txt"),
                    HIBERNATE_COMPLAINTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
