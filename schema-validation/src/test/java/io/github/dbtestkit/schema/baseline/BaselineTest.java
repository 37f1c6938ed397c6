package io.github.dbtestkit.schema.baseline;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    private static final Difference SHORT_SLUG = new Difference(DifferenceKind.LENGTH_MISMATCH, Severity.ERROR,
            "POSTS", "SLUG", "varchar(255)", "varchar(100)", "Post.slug is longer than the column.");
    private static final Difference MISSING_BODY = new Difference(DifferenceKind.MISSING_COLUMN, Severity.ERROR,
            "posts", "body", "varchar(255)", null, "Post.body has no column.");
    private static final Difference NO_INDEX = new Difference(DifferenceKind.MISSING_INDEX, Severity.WARNING,
            "comments", null, "index (post_id)", null, "The index on comments(post_id) is missing.");

    @TempDir
    Path dir;

    @Test
    void matchingFindingsMoveToAcceptedWithTheirReasonAndNoLongerCount() throws IOException {
        Path file = write("""
                {
                  "version": 1,
                  "accepted": [
                    {"kind": "LENGTH_MISMATCH", "table": "posts", "column": "slug",
                     "reason": "Slugs are cut to 100 characters by the app"},
                    {"kind": "MISSING_INDEX", "table": "comments", "reason": "Too small to index"}
                  ]
                }
                """);
        SchemaReport report = new SchemaReport("H2", "jdbc:h2:mem:blog", List.of(SHORT_SLUG, MISSING_BODY, NO_INDEX),
                List.of("a note"));

        SchemaReport applied = Baseline.read(file).applyTo(report);

        assertThat(applied.differences()).containsExactly(MISSING_BODY);
        assertThat(applied.accepted()).extracting(AcceptedDifference::difference).containsExactly(SHORT_SLUG, NO_INDEX);
        assertThat(applied.accepted()).extracting(AcceptedDifference::reason)
                .containsExactly("Slugs are cut to 100 characters by the app", "Too small to index");
        assertThat(applied.accepted().get(0).entry().origin()).isEqualTo(file + " entry 1, line 4");
        assertThat(applied.stale()).isEmpty();
        assertThat(applied.hasWarnings()).isFalse();
        assertThat(applied.notes()).containsExactly("a note");
        assertThat(applied.engine()).isEqualTo("H2");
    }

    @Test
    void anEntryThatMatchesNothingIsStaleAndCountsAsAWarning() throws IOException {
        Path file = write("""
                {"version": 1, "accepted": [
                  {"kind": "MISSING_COLUMN", "table": "posts", "column": "body", "reason": "Added next sprint"},
                  {"kind": "TYPE_MISMATCH", "table": "users", "column": "email", "reason": "Fixed long ago"}
                ]}
                """);
        SchemaReport report = new SchemaReport("H2", "jdbc:h2:mem:blog", List.of(MISSING_BODY), List.of());

        SchemaReport applied = Baseline.read(file).applyTo(report);

        assertThat(applied.hasErrors()).isFalse();
        assertThat(applied.hasWarnings()).isTrue();
        assertThat(applied.stale()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(DifferenceKind.TYPE_MISMATCH);
            assertThat(entry.table()).isEqualTo("users");
            assertThat(entry.origin()).isEqualTo(file + " entry 2, line 3");
        });
    }

    @Test
    void expectedAndActualWhenGivenMustMatchSoAChangedDriftIsReportedAgain() {
        BaselineEntry pinned = new BaselineEntry(DifferenceKind.LENGTH_MISMATCH, "posts", "slug", "VARCHAR(255)",
                "varchar(120)", "Agreed at 120", null);
        SchemaReport report = new SchemaReport("H2", "jdbc:h2:mem:blog", List.of(SHORT_SLUG), List.of());

        SchemaReport applied = Baseline.of(List.of(pinned)).applyTo(report);

        assertThat(applied.differences()).containsExactly(SHORT_SLUG);
        assertThat(applied.stale()).containsExactly(pinned);
    }

    @Test
    void namesMatchIgnoringCaseAndATableLevelEntryDoesNotAcceptColumnFindings() {
        BaselineEntry tableLevel = new BaselineEntry(DifferenceKind.MISSING_COLUMN, "Posts", null, null, null,
                "whole table", null);
        BaselineEntry pinned = new BaselineEntry(DifferenceKind.LENGTH_MISMATCH, "posts", "slug",
                " varchar(255) ", "varchar(100)", "ok", null);

        assertThat(tableLevel.matches(MISSING_BODY)).isFalse();
        assertThat(pinned.matches(SHORT_SLUG)).isTrue();
    }

    @Test
    void applyingASecondBaselineKeepsWhatTheFirstAccepted() {
        Baseline first = Baseline.of(List.of(new BaselineEntry(DifferenceKind.MISSING_COLUMN, "posts", "body", null,
                null, "first", null)));
        Baseline second = Baseline.of(List.of(new BaselineEntry(DifferenceKind.MISSING_INDEX, "comments", null, null,
                null, "second", null)));
        SchemaReport report = new SchemaReport("H2", "x", List.of(MISSING_BODY, NO_INDEX), List.of());

        SchemaReport applied = second.applyTo(first.applyTo(report));

        assertThat(applied.differences()).isEmpty();
        assertThat(applied.accepted()).extracting(AcceptedDifference::reason).containsExactly("first", "second");
    }

    @Test
    void anEmptyAcceptedListIsAValidBaseline() throws IOException {
        assertThat(Baseline.read(write("{\"version\": 1, \"accepted\": []}")).entries()).isEmpty();
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsRead() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF{\"version\": 1, \"accepted\": [{\"kind\": \"MISSING_TABLE\", \"table\": \"tags\", "
                + "\"reason\": \"Créé à la main\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Baseline.read(file).entries()).extracting(BaselineEntry::reason).containsExactly("Créé à la main");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> Baseline.read(missing)).isInstanceOf(BaselineException.class)
                .hasMessage("Baseline file " + missing + " does not exist: check the path given as the baseline, "
                        + "or remove the option.");
    }

    @Test
    void invalidJsonNamesTheFileAndLine() throws IOException {
        Path file = write("{\n  \"version\": 1,\n  \"accepted\": [\n    {\"kind\": \"MISSING_TABLE\",, }\n  ]\n}");

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessageStartingWith("Baseline file " + file + " is not valid JSON at line 4, column ");
    }

    @Test
    void anUnknownKindNamesTheEntryLineAndTheValidKinds() throws IOException {
        Path file = write("""
                {"version": 1, "accepted": [
                  {"kind": "MISSING_TABLE", "table": "a", "reason": "r"},
                  {"kind": "LENGHT_MISMATCH", "table": "posts", "column": "slug", "reason": "typo"}
                ]}
                """);

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessageStartingWith("Baseline file " + file + " entry 2, line 3: kind 'LENGHT_MISMATCH' is not a "
                        + "difference kind; use one of MISSING_TABLE, MISSING_COLUMN, TYPE_MISMATCH,");
    }

    @Test
    void aMissingReasonIsRejected() throws IOException {
        Path file = write("""
                {"version": 1, "accepted": [
                  {"kind": "MISSING_TABLE", "table": "posts", "reason": "  "}
                ]}
                """);

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessage("Baseline file " + file + " entry 1, line 2: \"reason\" is missing; say why this "
                        + "difference is accepted.");
    }

    @Test
    void aMissingTableIsRejected() throws IOException {
        Path file = write("{\"version\": 1, \"accepted\": [{\"kind\": \"MISSING_TABLE\", \"reason\": \"r\"}]}");

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessage("Baseline file " + file + " entry 1, line 1: \"table\" is missing; name the table as "
                        + "the report does.");
    }

    @Test
    void aMisspelledFieldIsNamedWithItsLine() throws IOException {
        Path file = write("""
                {"version": 1, "accepted": [
                  {"kind": "MISSING_COLUMN", "table": "posts",
                   "colum": "body", "reason": "r"}
                ]}
                """);

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessageStartingWith("Baseline file " + file + " at line 3, column ")
                .hasMessageEndingWith(": unknown field 'colum'; an entry has the fields kind, table, column, "
                        + "expected, actual, reason, engines.");
    }

    @Test
    void aWrongVersionOrShapeIsExplained() throws IOException {
        Path version = write("{\"version\": 2, \"accepted\": []}");
        Path noList = write("{\"version\": 1}");
        Path array = write("[]");
        Path entryNotObject = write("{\"version\": 1, \"accepted\": [\"posts\"]}");

        assertThatThrownBy(() -> Baseline.read(version))
                .hasMessage("Baseline file " + version + " at line 1, column 2: version must be 1, found 2.");
        assertThatThrownBy(() -> Baseline.read(noList)).hasMessage("Baseline file " + noList + " has no \"accepted\" "
                + "list: add \"accepted\": [] with one object per accepted difference.");
        assertThatThrownBy(() -> Baseline.read(array)).hasMessage("Baseline file " + array + " must hold a JSON "
                + "object {\"version\": 1, \"accepted\": [...]}, found a list at line 1, column 1.");
        assertThatThrownBy(() -> Baseline.read(entryNotObject)).hasMessage("Baseline file " + entryNotObject
                + " entry 1, line 1: an entry must be an object with the fields kind, table, column, expected, "
                + "actual, reason, engines, found the string \"posts\".");
    }

    @Test
    void entriesLimitedToEnginesApplyOnlyToThoseEnginesReportsAndAreNotStaleElsewhere() throws IOException {
        Path file = write("""
                {
                  "version": 1,
                  "accepted": [
                    {"kind": "LENGTH_MISMATCH", "table": "posts", "column": "slug", "engines": ["h2"],
                     "reason": "H2's migration keeps varchar(100)"},
                    {"kind": "MISSING_INDEX", "table": "comments", "engines": "PostgreSQL",
                     "reason": "The DBA indexes it on PostgreSQL by hand"},
                    {"kind": "MISSING_COLUMN", "table": "posts", "column": "body", "engines": ["sqlite", "pg"],
                     "reason": "Added by a later migration there"}
                  ]
                }
                """);
        Baseline baseline = Baseline.read(file);
        List<Difference> found = List.of(SHORT_SLUG, MISSING_BODY, NO_INDEX);

        SchemaReport h2 = baseline.applyTo(new SchemaReport("H2", "jdbc:h2:mem:blog", found, List.of()));
        SchemaReport postgres = baseline.applyTo(new SchemaReport("PostgreSQL", "jdbc:postgresql:blog", found, List.of()));

        assertThat(baseline.entries()).extracting(BaselineEntry::engines)
                .containsExactly(Set.of("h2"), Set.of("postgresql"), Set.of("postgresql", "sqlite"));
        assertThat(h2.accepted()).extracting(AcceptedDifference::difference).containsExactly(SHORT_SLUG);
        assertThat(h2.differences()).containsExactly(MISSING_BODY, NO_INDEX);
        assertThat(h2.stale()).isEmpty();
        assertThat(postgres.accepted()).extracting(AcceptedDifference::difference).containsExactly(MISSING_BODY, NO_INDEX);
        assertThat(postgres.differences()).containsExactly(SHORT_SLUG);
        assertThat(postgres.stale()).isEmpty();
    }

    @Test
    void anEntryForAnEngineWhereItDoesNotOccurIsStaleThere() {
        BaselineEntry h2Only = new BaselineEntry(DifferenceKind.MISSING_COLUMN, "posts", "body", null, null,
                "added later", "entry 1", Set.of("H2"));

        SchemaReport applied = Baseline.of(List.of(h2Only))
                .applyTo(new SchemaReport("H2", "jdbc:h2:mem:blog", List.of(SHORT_SLUG), List.of()));

        assertThat(applied.stale()).containsExactly(h2Only);
        assertThat(h2Only.engines()).containsExactly("h2");
        assertThat(h2Only.appliesTo("h2")).isTrue();
        assertThat(h2Only.appliesTo("SQLite")).isFalse();
    }

    @Test
    void anUnknownEngineIsNamedWithItsEntry() throws IOException {
        Path file = write("""
                {"version": 1, "accepted": [
                  {"kind": "MISSING_TABLE", "table": "audit", "engines": ["h2", "mysql"], "reason": "not ours"}
                ]}
                """);

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessage("Baseline file " + file + " entry 1, line 2: \"engines\" names the unknown engine 'mysql':"
                        + " expected one of h2, sqlite, postgresql.");
        assertThatThrownBy(() -> new BaselineEntry(DifferenceKind.MISSING_TABLE, "audit", null, null, null, "not ours",
                "entry 3", Set.of("oracle")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The baseline entry for MISSING_TABLE on audit (entry 3) names an unknown engine: Unknown"
                        + " engine 'oracle': expected one of h2, sqlite, postgresql.");
    }

    @Test
    void readsFromAStreamNamedForMessages() {
        var in = new java.io.ByteArrayInputStream("{\"version\": 1, \"accepted\": [{\"kind\": \"MISSING_TABLE\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Baseline.read(in, "classpath:schema-baseline.json"))
                .hasMessage("Baseline file classpath:schema-baseline.json entry 1, line 1: \"table\" is missing; name"
                        + " the table as the report does.");
    }

    @Test
    void anEntryWithoutReasonCannotBeBuiltInCodeEither() {
        assertThatThrownBy(() -> new BaselineEntry(DifferenceKind.MISSING_TABLE, "posts", null, null, null, " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A baseline entry needs a reason: say why MISSING_TABLE on posts is accepted.");
    }

    private int files;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("baseline-" + (++files) + ".json");
        Files.writeString(file, json);
        return file;
    }
}
