package io.github.dbtestkit.schema;

import io.github.dbtestkit.schema.internal.report.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.dbtestkit.schema.SchemaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaReportAssertTest {

    private final SchemaReport mixed = SampleReports.mixed();
    private final SchemaReport warningsOnly = SampleReports.warningsOnly();
    private final SchemaReport empty = SampleReports.empty();

    @Test
    void hasNoErrorsFailsWithTheTextRendering() {
        assertThatThrownBy(() -> assertThat(mixed).hasNoErrors())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected no schema errors, but found 2 errors:\n\n" + mixed.render(ReportFormat.TEXT));
    }

    @Test
    void hasNoErrorsPassesWhenOnlyWarningsAndInfosAreOpen() {
        assertThatCode(() -> assertThat(warningsOnly).hasNoErrors()).doesNotThrowAnyException();
        assertThatCode(() -> assertThat(empty).hasNoErrors().hasNoWarnings().hasNoDifferences())
                .doesNotThrowAnyException();
    }

    @Test
    void hasNoWarningsFailsOnWarningsAndSaysStaleEntriesCount() {
        assertThatThrownBy(() -> assertThat(warningsOnly).hasNoWarnings())
                .hasMessage("Expected no schema warnings, but found 1 warning:\n\n"
                        + warningsOnly.render(ReportFormat.TEXT));
        assertThatThrownBy(() -> assertThat(mixed).hasNoWarnings())
                .hasMessageStartingWith("Expected no schema warnings, but found 2 warnings (stale baseline entries "
                        + "count as warnings):\n\nSchema check of");
    }

    @Test
    void acceptedFindingsNeverFail() {
        SchemaReport onlyAccepted = new SchemaReport("H2", "jdbc:h2:mem:x", List.of(), List.of(),
                mixed.accepted(), List.of());

        assertThatCode(() -> assertThat(onlyAccepted).hasNoErrors().hasNoWarnings().hasNoDifferences()
                .hasAccepted(DifferenceKind.LENGTH_MISMATCH, "posts", "slug")).doesNotThrowAnyException();
    }

    @Test
    void hasNoDifferencesFailsOnAnInfo() {
        SchemaReport infoOnly = new SchemaReport("H2", "jdbc:h2:mem:x", List.of(SampleReports.UNMAPPED_TABLE),
                List.of());

        assertThatThrownBy(() -> assertThat(infoOnly).hasNoDifferences())
                .hasMessageStartingWith("Expected no schema differences, but found 1 difference:\n\n")
                .hasMessageContaining("INFO      audit<log>&\"x\"  UNMAPPED_TABLE");
    }

    @Test
    void countsAreCheckedExactly() {
        assertThatCode(() -> assertThat(mixed).hasErrorCount(2).hasWarningCount(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(mixed).hasErrorCount(1))
                .hasMessageStartingWith("Expected 1 schema error, but found 2:\n\nSchema check of");
        assertThatThrownBy(() -> assertThat(empty).hasWarningCount(3))
                .hasMessageStartingWith("Expected 3 schema warnings, but found 0:\n\n");
    }

    @Test
    void hasDifferenceFindsAFindingByKindTableAndColumnIgnoringCase() {
        assertThatCode(() -> assertThat(mixed)
                .hasDifference(DifferenceKind.TYPE_MISMATCH, "POSTS", "Title")
                .hasDifference(DifferenceKind.UNMAPPED_TABLE, "audit<log>&\"x\"", null)
                .hasNoDifference(DifferenceKind.TYPE_MISMATCH, "posts", "body"))
                .doesNotThrowAnyException();
    }

    @Test
    void hasDifferenceFailsNamingWhatWasExpected() {
        assertThatThrownBy(() -> assertThat(mixed).hasDifference(DifferenceKind.MISSING_TABLE, "users", null))
                .hasMessage("Expected a MISSING_TABLE on users, but the report has none:\n\n"
                        + mixed.render(ReportFormat.TEXT));
        assertThatThrownBy(() -> assertThat(mixed).hasNoDifference(DifferenceKind.MISSING_COLUMN, "posts", "body"))
                .hasMessageStartingWith("Expected no MISSING_COLUMN on posts.body, but the report has one:\n\n");
        assertThatThrownBy(() -> assertThat(mixed).hasAccepted(DifferenceKind.TYPE_MISMATCH, "posts", "title"))
                .hasMessageStartingWith("Expected an accepted TYPE_MISMATCH on posts.title, but the report has none:");
    }

    @Test
    void aDescriptionPrefixesTheMessageAsInAssertJ() {
        assertThatThrownBy(() -> assertThat(mixed).as("blog schema").hasNoErrors())
                .hasMessageStartingWith("[blog schema] Expected no schema errors");
    }

    @Test
    void messagesWithPercentSignsAreNotTakenForFormatPatterns() {
        SchemaReport percent = new SchemaReport("H2", "jdbc:h2:mem:x", List.of(new Difference(
                DifferenceKind.MISSING_TABLE, Severity.ERROR, "rates_%d", null, null, null, "100% %s missing")),
                List.of());

        assertThatThrownBy(() -> assertThat(percent).hasNoErrors()).hasMessageContaining("100% %s missing");
    }

    @Test
    void aNullReportFailsLikeAnyAssertJAssertion() {
        assertThatThrownBy(() -> assertThat((SchemaReport) null).hasNoErrors())
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }
}
