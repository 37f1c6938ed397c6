package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The run report as one self-contained HTML page (inline CSS, no script, no external file), well-formed XHTML
 * written with StAX so every text is escaped. From the top: the engines bar (sticky), the summary line, the
 * "only differences" toggle (a CSS-only checkbox), the table of tests that differ, the engines with their databases
 * and schema validation, then every class by name (a class with nothing failed is folded into one line).
 * Below 640 px each table row becomes a card.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.html"), HtmlReport.render(report, dir));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HtmlReport {

    /** The toggle's id. */
    public static final String TOGGLE = "only-differences";

    private static final String CSS = """
            :root{--pass:#1a7f37;--pass-bg:#e8f5ec;--fail:#c62828;--fail-bg:#fdecec;--skip:#5f6b76;--skip-bg:#f1f3f5;\
            --line:#d8dde3;--ink:#1f2328;--muted:#59636e}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
            header.engines{position:sticky;top:0;z-index:10;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;\
            padding:8px 24px;background:#f6f8fa;border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.06)}
            header .brand{font-weight:700;margin-right:6px}
            header .engine{display:flex;gap:6px;align-items:baseline;white-space:nowrap}
            header .engine b{font-size:15px}
            header .meta{color:var(--muted);font-size:12px}
            .n{font-size:12px;padding:0 6px;border-radius:9px}
            .n.PASSED{color:var(--pass);background:var(--pass-bg)}.n.FAILED{color:var(--fail);background:var(--fail-bg)}\
            .n.SKIPPED{color:var(--skip);background:var(--skip-bg)}
            main{max-width:1240px;margin:0 auto;padding:8px 24px 48px}
            h1{font-size:22px;margin:16px 0 4px}h2{font-size:17px;margin:28px 0 8px}
            p.summary{font-size:18px;font-weight:600;margin:4px 0 12px;padding:10px 14px;border-radius:6px;border-left:5px solid}
            p.summary.differs{background:var(--fail-bg);border-color:var(--fail)}p.summary.same{background:var(--pass-bg);border-color:var(--pass)}
            input.toggle{width:16px;height:16px;vertical-align:-3px;margin:0 6px 0 0}
            label.toggle{font-weight:600;cursor:pointer;user-select:none}
            #only-differences:checked~#classes details.no-differences,#only-differences:checked~#classes tr.same{display:none}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid var(--line);padding:6px 9px;text-align:left;vertical-align:top}
            thead th{background:#f6f8fa;font-weight:600}
            table.matrix td.test{width:34%;overflow-wrap:anywhere}
            table.matrix td.test .class{display:block;color:var(--muted);font-size:12px}
            td.cell{overflow-wrap:anywhere;border-left-width:4px}
            td.PASSED{background:var(--pass-bg);border-left-color:var(--pass)}
            td.FAILED{background:var(--fail-bg);border-left-color:var(--fail)}
            td.SKIPPED{background:var(--skip-bg);border-left-color:#aab3bc;color:var(--skip)}
            td.cell .outcome{font-weight:600}td.FAILED .outcome{color:var(--fail)}td.PASSED .outcome{color:var(--pass)}
            td.cell .time{color:var(--muted);font-size:12px;margin-left:6px}
            td.cell .msg{font-size:12.5px;margin-top:2px}
            td.cell ul.compared{margin:4px 0 0;padding-left:16px;font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
            .tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;background:#e7ecf5;color:#324a6d;margin-left:6px}
            code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
            table.engines-table{width:auto;min-width:50%}
            td.schema .db{margin-bottom:6px}td.schema .db:last-child{margin-bottom:0}
            td.schema code{display:block;font-size:11.5px;color:var(--muted)}
            td.schema .checksum{font-size:12px;color:var(--muted);margin-left:8px}
            td.cell.fact,td.cell.schema{border-left:1px solid var(--line)}
            .validation.errors{color:var(--fail);font-weight:600}.validation.clean{color:var(--pass)}
            details.class{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
            details.class summary{cursor:pointer;padding:8px 12px;list-style-position:inside}
            details.class summary .name{font-weight:600;overflow-wrap:anywhere}
            details.class summary .verdict{color:var(--muted);margin-left:8px}
            details.class.folded summary::before{content:"\\2713  ";color:var(--pass);font-weight:700}
            details.class .scroll{padding:0 12px 12px}
            @media (max-width:640px){
            header.engines{padding:6px 12px;gap:4px 12px}header .meta{display:none}header .brand{display:none}
            main{padding:4px 12px 32px}h1{font-size:19px}p.summary{font-size:16px}
            table.matrix thead{display:none}
            table.matrix,table.matrix tbody,table.matrix tr,table.matrix td{display:block;width:100%}
            table.matrix tr{border:1px solid var(--line);border-radius:6px;margin:8px 0;overflow:hidden}
            table.matrix td{border:0;border-top:1px solid var(--line)}table.matrix td.test{width:100%;border-top:0;font-weight:600}
            table.matrix td.cell{border-left:4px solid}table.matrix td.cell.fact,table.matrix td.cell.schema{border-left:4px solid var(--line)}
            table.matrix td.cell::before{content:attr(data-engine);display:inline-block;min-width:6.5em;font-weight:600;color:var(--ink)}
            }
            """;

    private HtmlReport() {
    }

    /** The page; schema reports are linked relative to {@code reportDir}. */
    public static String render(RunReport report, Path reportDir) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(buffer);
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeAttribute("lang", "en");
            head(w);
            w.writeStartElement("body");
            engineBar(w, report);
            w.writeStartElement("main");
            element(w, "h1", "dbtestkit run report");
            List<RunReport.Difference> differences = report.differences();
            w.writeStartElement("p");
            w.writeAttribute("id", "summary");
            w.writeAttribute("class", "summary " + (differences.isEmpty() ? "same" : "differs"));
            w.writeCharacters(CellText.summary(report));
            w.writeEndElement();
            toggle(w);
            differences(w, report, differences);
            setup(w, report, reportDir);
            classes(w, report);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing HTML to a string cannot fail", e);
        }
        return buffer.toString();
    }

    private static void head(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("head");
        w.writeEmptyElement("meta");
        w.writeAttribute("charset", "utf-8");
        w.writeEmptyElement("meta");
        w.writeAttribute("name", "viewport");
        w.writeAttribute("content", "width=device-width, initial-scale=1");
        element(w, "title", "dbtestkit run report");
        element(w, "style", CSS);
        w.writeEndElement();
    }

    private static void engineBar(XMLStreamWriter w, RunReport report) throws XMLStreamException {
        w.writeStartElement("header");
        w.writeAttribute("id", "engines");
        w.writeAttribute("class", "engines");
        span(w, "brand", "dbtestkit");
        for (EngineInfo engine : report.engines()) {
            w.writeStartElement("div");
            w.writeAttribute("class", "engine");
            w.writeAttribute("data-engine", engine.id());
            element(w, "b", engine.id());
            String meta = String.join(" · ", java.util.stream.Stream.of(engine.provider(), engine.serverVersion())
                    .filter(s -> !s.isEmpty()).toList());
            if (!meta.isEmpty()) {
                span(w, "meta", meta);
            }
            for (Outcome outcome : Outcome.values()) {
                int count = report.count(engine.id(), outcome);
                if (count > 0 || outcome == Outcome.PASSED) {
                    span(w, "n " + outcome.name(), count + " " + outcome.label());
                }
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void toggle(XMLStreamWriter w) throws XMLStreamException {
        w.writeEmptyElement("input");
        w.writeAttribute("type", "checkbox");
        w.writeAttribute("id", TOGGLE);
        w.writeAttribute("class", "toggle");
        w.writeStartElement("label");
        w.writeAttribute("for", TOGGLE);
        w.writeAttribute("class", "toggle");
        w.writeCharacters("only differences");
        w.writeEndElement();
    }

    private static void differences(XMLStreamWriter w, RunReport report, List<RunReport.Difference> differences)
            throws XMLStreamException {
        if (differences.isEmpty()) {
            return;
        }
        w.writeStartElement("section");
        w.writeAttribute("id", "differences");
        element(w, "h2", "What differs");
        matrixStart(w, report.engineIds());
        for (RunReport.Difference difference : differences) {
            testRow(w, difference.testClass(), difference.test(), report.engineIds());
        }
        matrixEnd(w);
        w.writeEndElement();
    }

    private static void setup(XMLStreamWriter w, RunReport report, Path reportDir) throws XMLStreamException {
        w.writeStartElement("section");
        w.writeAttribute("id", "setup");
        element(w, "h2", "Engines");
        List<String> engines = report.engineIds();
        w.writeStartElement("table");
        w.writeAttribute("class", "matrix engines-table");
        w.writeStartElement("thead");
        w.writeStartElement("tr");
        element(w, "th", "");
        for (String engine : engines) {
            element(w, "th", engine);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("tbody");
        factRow(w, "provider", report, EngineInfo::provider);
        factRow(w, "server version", report, EngineInfo::serverVersion);
        w.writeEndElement();
        w.writeEndElement();
        element(w, "h2", "Schemas and their validation");
        matrixStart(w, engines, "schema");
        for (java.util.Map.Entry<String, java.util.Map<String, List<SchemaSetup>>> row : SchemaRows.of(report).entrySet()) {
            w.writeStartElement("tr");
            w.writeStartElement("td");
            w.writeAttribute("class", "test");
            w.writeCharacters(row.getKey());
            w.writeEndElement();
            for (String engine : engines) {
                List<SchemaSetup> setups = row.getValue().getOrDefault(engine, List.of());
                w.writeStartElement("td");
                w.writeAttribute("data-engine", engine);
                w.writeAttribute("class", "cell schema");
                for (SchemaSetup schema : setups) {
                    w.writeStartElement("div");
                    w.writeAttribute("class", "db");
                    if (schema.validation() == null) {
                        span(w, "validation none", "not validated");
                    } else {
                        w.writeStartElement("a");
                        w.writeAttribute("class", "validation " + (schema.validation().errors() > 0 ? "errors" : "clean"));
                        w.writeAttribute("href", CellText.link(schema.validation().report(), reportDir));
                        w.writeCharacters(CellText.validation(schema.validation()));
                        w.writeEndElement();
                    }
                    if (schema.checksum() != null) {
                        w.writeStartElement("span");
                        w.writeAttribute("class", "checksum");
                        w.writeAttribute("title", "checksum " + schema.checksum());
                        w.writeCharacters("checksum " + CellText.shortChecksum(schema.checksum()));
                        w.writeEndElement();
                    }
                    element(w, "code", schema.jdbcUrl() == null ? "" : schema.jdbcUrl());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        matrixEnd(w);
        w.writeEndElement();
    }

    private static void factRow(XMLStreamWriter w, String label, RunReport report,
                                java.util.function.Function<EngineInfo, String> fact) throws XMLStreamException {
        w.writeStartElement("tr");
        w.writeStartElement("td");
        w.writeAttribute("class", "test");
        w.writeCharacters(label);
        w.writeEndElement();
        for (EngineInfo engine : report.engines()) {
            w.writeStartElement("td");
            w.writeAttribute("data-engine", engine.id());
            w.writeAttribute("class", "cell fact");
            w.writeCharacters(fact.apply(engine));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void classes(XMLStreamWriter w, RunReport report) throws XMLStreamException {
        w.writeStartElement("section");
        w.writeAttribute("id", "classes");
        element(w, "h2", "All tests");
        List<String> engines = report.engineIds();
        for (ClassRow row : report.classes()) {
            w.writeStartElement("details");
            w.writeAttribute("class", "class " + (row.folded() ? "folded" : "open")
                    + (row.differing().isEmpty() ? " no-differences" : " has-differences"));
            w.writeAttribute("data-class", row.name());
            if (!row.folded()) {
                w.writeAttribute("open", "open");
            }
            w.writeStartElement("summary");
            span(w, "name", row.name());
            span(w, "verdict", row.folded() ? CellText.foldedLine(row, engines) : CellText.openLine(row));
            w.writeEndElement();
            matrixStart(w, engines);
            for (TestRow test : row.tests()) {
                testRow(w, null, test, engines);
            }
            matrixEnd(w);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void matrixStart(XMLStreamWriter w, List<String> engines) throws XMLStreamException {
        matrixStart(w, engines, "test");
    }

    private static void matrixStart(XMLStreamWriter w, List<String> engines, String first) throws XMLStreamException {
        w.writeStartElement("div");
        w.writeAttribute("class", "scroll");
        w.writeStartElement("table");
        w.writeAttribute("class", "matrix");
        w.writeStartElement("thead");
        w.writeStartElement("tr");
        element(w, "th", first);
        for (String engine : engines) {
            element(w, "th", engine);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("tbody");
    }

    private static void matrixEnd(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void testRow(XMLStreamWriter w, String testClass, TestRow test, List<String> engines)
            throws XMLStreamException {
        w.writeStartElement("tr");
        w.writeAttribute("class", test.differs() ? "differs" : "same");
        w.writeStartElement("td");
        w.writeAttribute("class", "test");
        if (testClass != null) {
            span(w, "class", testClass);
        }
        w.writeCharacters(test.name());
        if (test.crossEngine()) {
            span(w, "tag", "cross-engine");
        }
        w.writeEndElement();
        for (String engine : engines) {
            Cell cell = test.cells().get(engine);
            w.writeStartElement("td");
            w.writeAttribute("data-engine", engine);
            if (cell == null) {
                w.writeAttribute("class", "cell none");
                w.writeCharacters("—");
            } else {
                w.writeAttribute("class", "cell " + cell.outcome().name());
                if (!cell.message().isEmpty()) {
                    w.writeAttribute("title", cell.message());
                }
                span(w, "outcome", cell.outcome().label());
                String time = CellText.duration(cell.durationMillis());
                if (!time.isEmpty()) {
                    span(w, "time", time);
                }
                String message = CellText.shorten(cell.message(), CellText.SHORT);
                if (!message.isEmpty()) {
                    w.writeStartElement("div");
                    w.writeAttribute("class", "msg");
                    w.writeCharacters(message);
                    w.writeEndElement();
                }
                if (cell.crossEngine()) {
                    w.writeStartElement("ul");
                    w.writeAttribute("class", "compared");
                    for (String line : cell.compared()) {
                        element(w, "li", CellText.shorten(line, CellText.SHORT));
                    }
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void span(XMLStreamWriter w, String cssClass, String text) throws XMLStreamException {
        w.writeStartElement("span");
        w.writeAttribute("class", cssClass);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
