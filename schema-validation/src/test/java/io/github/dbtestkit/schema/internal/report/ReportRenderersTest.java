package io.github.dbtestkit.schema.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbtestkit.schema.ReportFormat;
import io.github.dbtestkit.schema.SchemaReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static io.github.dbtestkit.schema.internal.report.SampleReports.TRICKY;
import static org.assertj.core.api.Assertions.assertThat;

class ReportRenderersTest {

    private final SchemaReport mixed = SampleReports.mixed();
    private final SchemaReport empty = SampleReports.empty();

    @Test
    void textHasAHeaderOneLinePerFindingGroupedByTableAndASummary() {
        String text = mixed.render(ReportFormat.TEXT);

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Schema check of jdbc:postgresql://localhost:5432/blog (PostgreSQL): "
                + "2 errors, 1 warning, 1 info, 1 accepted, 1 stale baseline entry");
        assertThat(lines.get(1)).isEqualTo("Note: CHECK constraints are compared by name only & <roughly>.");
        assertThat(lines).contains(
                "ERROR     posts.title       TYPE_MISMATCH         expected varchar(255), found integer — "
                        + TRICKY,
                "ERROR     posts.body        MISSING_COLUMN        expected varchar(255) — "
                        + "Post.body is mapped to column body, which does not exist.",
                "ACCEPTED  posts.slug        LENGTH_MISMATCH       expected varchar(255), found varchar(100) — "
                        + "Post.slug is longer than the column. [accepted: Slugs are cut to 100 characters | ticket <42>]",
                "WARNING   comments.post_id  NULLABILITY_MISMATCH  expected not null, found nullable — "
                        + "Comment.post is not null in the mapping but the column accepts null.",
                "WARNING   comments          MISSING_INDEX         Stale baseline entry (baseline.json entry 2, "
                        + "line 11): no such difference any more; remove it from the baseline. "
                        + "[reason was: Index dropped & re-added by the DBA]",
                "INFO      audit<log>&\"x\"    UNMAPPED_TABLE        found table — "
                        + "Table audit<log>&\"x\" is not mapped by any entity.");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Summary: 2 errors, 1 warning, 1 info, 1 accepted, "
                + "1 stale baseline entry — the database does not match the entities.");
    }

    @Test
    void textGroupsByTableInOrderOfFirstAppearanceWithErrorsFirst() {
        List<String> findingLines = mixed.render(ReportFormat.TEXT).lines()
                .filter(l -> l.matches("^(ERROR|WARNING|INFO|ACCEPTED) .*")).toList();

        assertThat(findingLines).extracting(l -> l.split("\\s+")[1]).containsExactly(
                "posts.title", "posts.body", "posts.slug", "comments.post_id", "comments", "audit<log>&\"x\"");
        assertThat(mixed.render(ReportFormat.TEXT)).contains("accepted: Slugs")
                .containsSubsequence("posts.slug", "\n\n", "comments.post_id");
    }

    @Test
    void textKeepsEachFindingOnOneLineWhenAMessageHasLineBreaks() {
        SchemaReport report = new SchemaReport("H2", "jdbc:h2:mem:x", List.of(new io.github.dbtestkit.schema.Difference(
                io.github.dbtestkit.schema.DifferenceKind.MISSING_TABLE, io.github.dbtestkit.schema.Severity.ERROR,
                "posts", null, "table", null, "first line\nsecond line\r\nthird")), List.of());

        assertThat(report.render(ReportFormat.TEXT))
                .contains("ERROR     posts  MISSING_TABLE  expected table — first line second line third\n");
    }

    @Test
    void jsonFollowsTheDocumentedSchemaAndKeepsSpecialCharacters() throws Exception {
        JsonNode json = new ObjectMapper().readTree(mixed.render(ReportFormat.JSON));

        assertThat(fieldNames(json)).containsExactly("version", "engine", "database", "matches", "summary",
                "differences", "accepted", "stale", "hints", "notes");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("engine").asText()).isEqualTo("PostgreSQL");
        assertThat(json.get("database").asText()).isEqualTo("jdbc:postgresql://localhost:5432/blog");
        assertThat(json.get("matches").asBoolean()).isFalse();
        assertThat(json.get("summary").toString())
                .isEqualTo("{\"errors\":2,\"warnings\":1,\"infos\":1,\"accepted\":1,\"stale\":1}");
        JsonNode first = json.get("differences").get(0);
        assertThat(fieldNames(first)).containsExactly("kind", "rule", "severity", "table", "column", "expected", "actual",
                "message");
        assertThat(first.get("kind").asText()).isEqualTo("TYPE_MISMATCH");
        assertThat(first.get("rule").asText()).isEqualTo("type-mismatch");
        assertThat(first.get("severity").asText()).isEqualTo("ERROR");
        assertThat(first.get("message").asText()).isEqualTo(TRICKY);
        assertThat(json.get("differences")).hasSize(4);
        JsonNode table = json.get("differences").get(3);
        assertThat(table.get("table").asText()).isEqualTo("audit<log>&\"x\"");
        assertThat(table.get("column").isNull()).isTrue();
        assertThat(table.get("expected").isNull()).isTrue();
        JsonNode accepted = json.get("accepted").get(0);
        assertThat(accepted.get("reason").asText()).isEqualTo("Slugs are cut to 100 characters | ticket <42>");
        assertThat(accepted.get("origin").asText()).isEqualTo("baseline.json entry 1, line 4");
        assertThat(accepted.get("severity").asText()).isEqualTo("ERROR");
        JsonNode stale = json.get("stale").get(0);
        assertThat(stale.get("kind").asText()).isEqualTo("MISSING_INDEX");
        assertThat(stale.get("severity").asText()).isEqualTo("WARNING");
        assertThat(stale.get("reason").asText()).isEqualTo("Index dropped & re-added by the DBA");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("CHECK constraints are compared by name only & <roughly>.");
    }

    @Test
    void markdownHasHeadingCountsAndOneTablePerStatusWithEscapedCells() {
        String markdown = mixed.render(ReportFormat.MARKDOWN);

        assertThat(markdown).startsWith("## Schema check: PostgreSQL — ❌ 2 errors\n")
                .contains("| 2 | 1 | 1 | 1 | 1 |")
                .contains("### Errors (2)", "### Warnings (1)", "### Stale baseline entries (count as warnings) (1)",
                        "### Infos (1)", "### Accepted by the baseline (1)", "### Notes")
                .contains("| posts | title | TYPE\\_MISMATCH | varchar(255) | integer | Post.title \\<b\\>bold\\</b\\> "
                        + "\\& \"quoted\" 'single' \\| pipe \\* star \\_under\\_ \\`tick\\` \\[link\\](x) — ünïcödé 日本 😀 |")
                .contains("| Slugs are cut to 100 characters \\| ticket \\<42\\> |");
    }

    @Test
    void markdownTableRowsHaveAsManyCellsAsTheHeaderDespitePipesInTheText() {
        String markdown = mixed.render(ReportFormat.MARKDOWN);

        List<String> errorTable = markdown.lines().dropWhile(l -> !l.startsWith("### Errors"))
                .skip(2).takeWhile(l -> l.startsWith("|")).toList();
        assertThat(errorTable).hasSize(4).allSatisfy(row ->
                assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(8));
    }

    @Test
    void markdownHeadlineWarnsWhenOnlyWarningsAreOpen() {
        assertThat(SampleReports.warningsOnly().render(ReportFormat.MARKDOWN))
                .startsWith("## Schema check: H2 — ⚠️ 1 warning\n")
                .contains("### Warnings (1)", "### Infos (1)").doesNotContain("### Errors");
    }

    @Test
    void junitXmlHasOneTestcasePerTableAndFailsOnlyTablesWithErrors() throws Exception {
        Document xml = parse(mixed.render(ReportFormat.JUNIT_XML));

        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("schema [PostgreSQL]");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        List<Element> cases = elements(xml.getElementsByTagName("testcase"));
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("posts", "comments", "audit<log>&\"x\"");
        Element posts = cases.get(0);
        Element failure = (Element) posts.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("2 schema errors in posts: TYPE_MISMATCH, MISSING_COLUMN");
        assertThat(failure.getTextContent()).contains(TRICKY).contains("posts.body").doesNotContain("posts.slug");
        assertThat(posts.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("ACCEPTED  posts.slug").contains("ticket <42>");
        Element comments = cases.get(1);
        assertThat(comments.getElementsByTagName("failure").getLength()).isZero();
        assertThat(comments.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("NULLABILITY_MISMATCH").contains("Stale baseline entry");
    }

    @Test
    void junitXmlReplacesCharactersXmlCannotHold() throws Exception {
        SchemaReport report = new SchemaReport("H2", "jdbc:h2:mem:x", List.of(new io.github.dbtestkit.schema.Difference(
                io.github.dbtestkit.schema.DifferenceKind.MISSING_TABLE, io.github.dbtestkit.schema.Severity.ERROR,
                "bell\u0007table", null, null, null, "nul\u0000 and lone \uD800 surrogate")), List.of());

        Document xml = parse(report.render(ReportFormat.JUNIT_XML));

        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent())
                .contains("nul\uFFFD and lone \uFFFD surrogate");
    }

    @Test
    void htmlIsSelfContainedWellFormedAndEscaped() throws Exception {
        String html = mixed.render(ReportFormat.HTML);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link",
                "src=", "href=", "@import");
        assertThat(html).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
        Document page = parse(html);
        assertThat(page.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Schema check: PostgreSQL");
        assertThat(elements(page.getElementsByTagName("h2"))).extracting(Element::getTextContent)
                .containsExactly("posts", "comments", "audit<log>&\"x\"", "Notes");
        assertThat(elements(page.getElementsByTagName("li"))).extracting(Element::getTextContent)
                .startsWith("2 errors", "1 warning", "1 info", "1 accepted", "1 stale baseline entry");
        List<Element> rows = elements(page.getElementsByTagName("tr")).stream()
                .filter(r -> !r.getAttribute("class").isEmpty()).toList();
        assertThat(rows).extracting(r -> r.getAttribute("class"))
                .containsExactly("error", "error", "accepted", "warning", "stale", "info");
        assertThat(rows.get(0).getTextContent()).contains(TRICKY);
        assertThat(rows.get(2).getTextContent()).contains("Accepted: Slugs are cut to 100 characters | ticket <42>");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void anEmptyReportSaysTheDatabaseMatches(ReportFormat format) {
        String rendered = empty.render(format);

        assertThat(rendered).contains("SQLite").contains("Lengths are not checked on SQLite.");
        switch (format) {
            case TEXT -> assertThat(rendered).contains("No differences.").endsWith("Summary: 0 errors, 0 warnings, "
                    + "0 infos, 0 accepted, 0 stale baseline entries — the database matches the entities.\n");
            case JSON -> assertThat(rendered).contains("\"matches\" : true", "\"differences\" : [ ]");
            case MARKDOWN -> assertThat(rendered).startsWith("## Schema check: SQLite — ✅ matches")
                    .contains("No differences: the database matches the entities.");
            case JUNIT_XML -> assertThat(rendered).contains("tests=\"1\"", "failures=\"0\"",
                    "name=\"" + JUnitXmlRenderer.ALL_TABLES + "\"");
            case HTML -> assertThat(rendered).contains("No differences: the database matches the entities.",
                    "verdict pass");
        }
    }

    @Test
    void anEmptyReportParsesInEveryStructuredFormat() throws Exception {
        assertThat(new ObjectMapper().readTree(empty.render(ReportFormat.JSON)).get("summary").get("errors").asInt())
                .isZero();
        assertThat(parse(empty.render(ReportFormat.JUNIT_XML)).getElementsByTagName("testcase").getLength()).isOne();
        assertThat(parse(empty.render(ReportFormat.HTML)).getElementsByTagName("section").getLength()).isZero();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
