package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbtestkit.CrossEngine;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.EnabledOnEngine;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.migrated.ShopUser;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The run report says what differs between engines, for people (console, HTML, Markdown) and tools (JSON). */
class RunReportListenerTest {

    /** SQLite's LIKE ignores case; H2's and PostgreSQL's do not. */
    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL})
    static class LikeIgnoresCase {
        @Test
        void likeMatchesRegardlessOfCase(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select case when 'ABC' like 'abc' then 1 else 0 end")) {
                rs.next();
                assertThat(rs.getInt(1)).as("'ABC' like 'abc'").isEqualTo(1);
            }
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    static class Mixed {
        @Test
        void passes() {
        }

        @Test
        void failsWith_pipe_and_angle_brackets() {
            fail("broken | <on purpose> & more");
        }

        @Test
        @EnabledOnEngine(value = Engine.H2, disabledReason = "H2 only")
        void onlyOnH2() {
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    static class AllGreen {
        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, entities = ShopUser.class,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class Migrated {
        @Test
        void runs(EntityManager em) {
            assertThat(em.createQuery("select count(u) from ShopUser u", Long.class).getSingleResult()).isZero();
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE})
    static class Compared {
        @Test
        void divisionByZeroFailsOnlyOnH2(CrossEngine engines) {
            assertThat(engines.sql("select 1 / 0 as q").results().outcome(Engine.H2).failed()).isTrue();
        }
    }

    @Test
    void aTestPassingOnSqliteOnlyGetsTheSummaryLineAndTheDifferencesTableInHtmlAndMarkdown(@TempDir Path dir) throws Exception {
        String console = ReportRun.run(dir, Map.of(), LikeIgnoresCase.class);

        Xhtml html = Xhtml.parse(Files.readString(dir.resolve("report.html")));
        assertThat(html.text("//p[@id='summary']")).isEqualTo("1 test behaves differently across engines");
        assertThat(html.all("//section[@id='differences']//tbody/tr")).hasSize(1);
        assertThat(html.text("//section[@id='differences']//tbody/tr/td[@class='test']"))
                .contains(LikeIgnoresCase.class.getName()).contains("likeMatchesRegardlessOfCase(Connection)");
        assertThat(html.text("//section[@id='differences']//td[@data-engine='sqlite']/@class")).isEqualTo("cell PASSED");
        assertThat(html.text("//section[@id='differences']//td[@data-engine='h2']/@class")).isEqualTo("cell FAILED");
        assertThat(html.text("//section[@id='differences']//td[@data-engine='postgresql']/@class")).isEqualTo("cell FAILED");
        assertThat(html.text("//section[@id='differences']//td[@data-engine='h2']/div[@class='msg']"))
                .startsWith("['ABC' like 'abc']").doesNotContain("\n");

        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).startsWith("# dbtestkit run report\n\n**1 test behaves differently across engines**");
        assertThat(markdown.indexOf("## What differs")).isLessThan(markdown.indexOf("## Engines"));
        assertThat(markdown).contains("| test | h2 | sqlite | postgresql |\n|---|---|---|---|\n| RunReportListenerTest$LikeIgnoresCase › "
                + "likeMatchesRegardlessOfCase(Connection) | ❌ failed · ");
        String row = markdown.lines().filter(l -> l.startsWith("| RunReportListenerTest$LikeIgnoresCase › ")).findFirst().orElseThrow();
        assertThat(row.split(" \\| ")).hasSize(4);
        assertThat(row.split(" \\| ")[2]).startsWith("✅ passed · ");
        assertThat(row.split(" \\| ")[3]).startsWith("❌ failed · ").contains("['ABC' like 'abc']");
        assertThat(console).contains("dbtestkit: 1 test behaves differently across engines", "      sqlite: passed");
    }

    @Test
    void thePageHasTheEngineHeaderTheToggleAndFoldsClassesWhereNothingFailed(@TempDir Path dir) throws Exception {
        ReportRun.run(dir, Map.of(), Mixed.class, AllGreen.class, Migrated.class);

        Xhtml html = Xhtml.parse(Files.readString(dir.resolve("report.html")));
        assertThat(html.text("//p[@id='summary']")).isEqualTo("0 tests behave differently across engines");
        assertThat(html.all("//section[@id='differences']")).isEmpty();
        assertThat(html.all("//header[@id='engines']/div[@class='engine']"))
                .extracting(e -> e.getAttribute("data-engine")).containsExactly("h2", "sqlite");
        assertThat(html.text("//header[@id='engines']/div[@data-engine='h2']/span[@class='meta']")).startsWith("in-memory · 2.");
        assertThat(html.text("//style")).contains("position:sticky").contains("@media (max-width:640px)");
        assertThat(html.all("//input[@type='checkbox' and @id='only-differences']")).hasSize(1);
        assertThat(html.text("//label[@for='only-differences']")).isEqualTo("only differences");
        assertThat(html.all("//script | //link | //*[@src]")).as("self-contained").isEmpty();

        List<Element> classes = html.all("//section[@id='classes']/details");
        assertThat(classes).extracting(e -> e.getAttribute("data-class"))
                .as("by name, not in execution order")
                .containsExactly(AllGreen.class.getName(), Migrated.class.getName(), Mixed.class.getName());
        assertThat(classes.get(0).getAttribute("class")).contains("folded");
        assertThat(classes.get(0).hasAttribute("open")).isFalse();
        assertThat(html.text("//details[@data-class='" + AllGreen.class.getName() + "']/summary"))
                .endsWith("2 tests, all passed on h2, sqlite");
        assertThat(classes.get(2).getAttribute("open")).isEqualTo("open");
        assertThat(html.text("//details[@data-class='" + Mixed.class.getName() + "']//td[@data-engine='sqlite'"
                + " and contains(@class,'SKIPPED')]/div[@class='msg']")).contains("H2 only");
        assertThat(html.text("//details[@data-class='" + Mixed.class.getName() + "']//td[@data-engine='h2'"
                + " and contains(@class,'FAILED')]/div[@class='msg']")).isEqualTo("broken | <on purpose> & more");
        String migrated = "//section[@id='setup']//tr[td[@class='test'] = 'MIGRATIONS classpath:migration-fixtures/flyway/shop']";
        assertThat(html.text(migrated + "/td[@data-engine='sqlite']")).contains("jdbc:sqlite:", "checksum ", "0 errors, 0 warnings");
        assertThat(html.text(migrated + "/td[@data-engine='h2']//a[@class='validation clean']/@href"))
                .matches("schema-h2-[0-9a-f]{10}\\.txt");
        assertThat(html.text("//section[@id='setup']//tr[td[@class='test'] = 'provider']/td[@data-engine='h2']"))
                .isEqualTo("in-memory");

        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("- ✅ `" + AllGreen.class.getName() + "`: 2 tests, all passed on h2, sqlite")
                .contains("broken \\| &lt;on purpose&gt; & more")
                .contains("### `" + Mixed.class.getName() + "`")
                .doesNotContain("### `" + AllGreen.class.getName() + "`")
                .contains("| MIGRATIONS classpath:migration-fixtures/flyway/shop | [0 errors, 0 warnings](schema-h2-")
                .contains("| provider | in-memory | in-memory |");
    }

    @Test
    void theJsonCarriesItsSchemaVersionTheEnginesFactsAndEveryCell(@TempDir Path dir) throws Exception {
        ReportRun.run(dir, Map.of(), Mixed.class, Migrated.class);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(RunReport.SCHEMA_VERSION);
        assertThat(json.get("differences").asInt()).isZero();
        assertThat(json.get("totals").get("sqlite").toString()).isEqualTo("{\"passed\":2,\"failed\":1,\"skipped\":1}");
        JsonNode h2 = json.get("engines").get(0);
        assertThat(h2.get("id").asText()).isEqualTo("h2");
        assertThat(h2.get("provider").asText()).isEqualTo("in-memory");
        assertThat(h2.get("serverVersion").asText()).startsWith("2.");
        assertThat(h2.get("schemas").findValuesAsText("mode")).contains("MIGRATIONS", "NONE");
        JsonNode mixed = json.get("classes").get(1);
        assertThat(mixed.get("name").asText()).isEqualTo(Mixed.class.getName());
        assertThat(mixed.get("folded").asBoolean()).isFalse();
        JsonNode failing = mixed.get("tests").findParents("name").stream()
                .filter(t -> t.get("name").asText().startsWith("failsWith")).findFirst().orElseThrow();
        assertThat(failing.get("differs").asBoolean()).isFalse();
        assertThat(failing.get("cells").get("sqlite").get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failing.get("cells").get("sqlite").get("message").asText()).isEqualTo("broken | <on purpose> & more");
        assertThat(failing.get("cells").get("sqlite").get("durationMillis").isIntegralNumber()).isTrue();
        assertThat(JsonReport.read(Files.readString(dir.resolve("report.json"))).classes()).hasSize(2);
    }

    @Test
    void aCrossEngineTestShowsEveryEnginesResultsInsteadOfSkipped(@TempDir Path dir) throws Exception {
        ReportRun.run(dir, Map.of(), Compared.class);

        RunReport report = JsonReport.read(Files.readString(dir.resolve("report.json")));
        TestRow row = report.classes().get(0).tests().get(0);
        assertThat(row.cells().get("h2").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(row.cells().get("h2").compared()).singleElement().asString().startsWith("select 1 / 0 as q → error [22012]");
        assertThat(row.cells().get("sqlite").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(row.cells().get("sqlite").compared()).containsExactly("select 1 / 0 as q → 1 row");
        assertThat(row.differs()).as("the engines' results differ").isTrue();
        Xhtml html = Xhtml.parse(Files.readString(dir.resolve("report.html")));
        assertThat(html.text("//section[@id='differences']//td[@data-engine='sqlite']//li")).isEqualTo("select 1 / 0 as q → 1 row");
        assertThat(html.text("//section[@id='differences']//span[@class='tag']")).isEqualTo("cross-engine");
    }

    @Test
    void underParallelExecutionEveryCellIsRecorded(@TempDir Path dir) throws Exception {
        ReportRun.run(dir, Map.of("junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"),
                Mixed.class, AllGreen.class, LikeIgnoresCase.class, Migrated.class, Compared.class);

        RunReport report = JsonReport.read(Files.readString(dir.resolve("report.json")));
        // Compared's cross-engine test borrows SQLite's database, which its own run (schema NONE) releases when it
        // ends, possibly first
        assertThat(report.classes()).extracting(ClassRow::name).containsExactly(AllGreen.class.getName(),
                Compared.class.getName(), LikeIgnoresCase.class.getName(), Migrated.class.getName(),
                Mixed.class.getName());
        assertThat(report.classes().get(1).tests()).singleElement()
                .satisfies(t -> assertThat(t.cells().get("h2").outcome()).isEqualTo(Outcome.PASSED));
        report = new RunReport(report.schemaVersion(), report.engines(), report.classes().stream()
                .filter(c -> !c.name().equals(Compared.class.getName())).toList());
        assertThat(report.classes().get(1).tests()).singleElement()
                .satisfies(t -> assertThat(t.cells()).containsOnlyKeys("h2", "sqlite", "postgresql"));
        assertThat(report.totals()).isEqualTo(Map.of("h2", Map.of("passed", 5, "failed", 2, "skipped", 0),
                "sqlite", Map.of("passed", 5, "failed", 1, "skipped", 1),
                "postgresql", Map.of("passed", 0, "failed", 1, "skipped", 0)));
        assertThat(report.differences()).extracting(RunReport.Difference::testClass)
                .containsExactly(LikeIgnoresCase.class.getName());
        assertThat(report.engines()).filteredOn(e -> e.id().equals("h2")).singleElement()
                .satisfies(e -> assertThat(e.schemas()).extracting(SchemaSetup::mode).contains("MIGRATIONS", "NONE"));
    }
}
