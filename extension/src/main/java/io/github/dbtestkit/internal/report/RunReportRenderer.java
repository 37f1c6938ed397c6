package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dbtestkit.internal.report.RunResults.Cell;
import io.github.dbtestkit.internal.report.RunResults.Outcome;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link RunResults} for the console, as Markdown (a CI job summary), as JSON and as a self-contained HTML page.
 *
 * <pre>{@code
 * System.out.println(RunReportRenderer.console(results));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReportRenderer {

    /** Version of the JSON layout; bumped on incompatible changes. */
    public static final int JSON_VERSION = 1;

    private RunReportRenderer() {
    }

    /** A fixed-width matrix for the console. */
    public static String console(RunResults results) {
        List<String> engines = results.engines();
        Map<String, Map<String, Map<String, Cell>>> matrix = results.matrix();
        int width = 12;
        for (Map<String, Map<String, Cell>> tests : matrix.values()) {
            for (String test : tests.keySet()) {
                width = Math.max(width, test.length() + 4);
            }
        }
        final int testWidth = Math.min(width, 90);
        StringBuilder out = new StringBuilder();
        out.append("dbtestkit: results per engine\n");
        out.append(pad("", testWidth));
        engines.forEach(e -> out.append(pad(e, 12)));
        out.append('\n');
        matrix.forEach((testClass, tests) -> {
            out.append(testClass).append('\n');
            tests.forEach((test, cells) -> {
                out.append(pad("  " + abbreviate(test, testWidth - 4), testWidth));
                for (String engine : engines) {
                    Cell cell = cells.get(engine);
                    out.append(pad(cell == null ? "" : symbol(cell.outcome()), 12));
                }
                out.append('\n');
            });
        });
        out.append(pad("total", testWidth));
        for (String engine : engines) {
            out.append(pad(results.count(engine, Outcome.PASSED) + "/" + (results.count(engine, Outcome.PASSED)
                    + results.count(engine, Outcome.FAILED)) + " ok", 12));
        }
        out.append('\n');
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            out.append("failures:\n");
            failures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }

    /** A Markdown table per test class, fit for a CI job summary. */
    public static String markdown(RunResults results) {
        List<String> engines = results.engines();
        StringBuilder out = new StringBuilder("# dbtestkit run report\n\n");
        out.append("| engine | passed | failed | skipped |\n|---|---:|---:|---:|\n");
        for (String engine : engines) {
            out.append("| ").append(engine).append(" | ").append(results.count(engine, Outcome.PASSED)).append(" | ")
                    .append(results.count(engine, Outcome.FAILED)).append(" | ")
                    .append(results.count(engine, Outcome.SKIPPED)).append(" |\n");
        }
        results.matrix().forEach((testClass, tests) -> {
            out.append("\n## ").append(escapeMarkdown(testClass)).append("\n\n| test |");
            engines.forEach(e -> out.append(' ').append(e).append(" |"));
            out.append("\n|---|");
            engines.forEach(e -> out.append("---|"));
            out.append('\n');
            tests.forEach((test, cells) -> {
                out.append("| ").append(escapeMarkdown(test)).append(" |");
                for (String engine : engines) {
                    Cell cell = cells.get(engine);
                    out.append(' ').append(cell == null ? "" : symbol(cell.outcome())).append(" |");
                }
                out.append('\n');
            });
        });
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            out.append("\n## Failures\n\n");
            failures.forEach(f -> out.append("- ").append(escapeMarkdown(f)).append('\n'));
        }
        return out.toString();
    }

    /** JSON: {@code {"version":1,"engines":[...],"summary":{...},"classes":[{"name","tests":[{"name","results":{engine:{"outcome","detail"}}}]}]}}. */
    public static String json(RunResults results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("version", JSON_VERSION);
        ArrayNode engines = root.putArray("engines");
        results.engines().forEach(engines::add);
        ObjectNode summary = root.putObject("summary");
        for (String engine : results.engines()) {
            ObjectNode counts = summary.putObject(engine);
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome.name().toLowerCase(java.util.Locale.ROOT), results.count(engine, outcome));
            }
        }
        ArrayNode classes = root.putArray("classes");
        results.matrix().forEach((testClass, tests) -> {
            ObjectNode classNode = classes.addObject();
            classNode.put("name", testClass);
            ArrayNode testNodes = classNode.putArray("tests");
            tests.forEach((test, cells) -> {
                ObjectNode testNode = testNodes.addObject();
                testNode.put("name", test);
                ObjectNode resultNodes = testNode.putObject("results");
                cells.forEach((engine, cell) -> resultNodes.putObject(engine)
                        .put("outcome", cell.outcome().name())
                        .put("detail", cell.detail()));
            });
        });
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }

    /** A self-contained HTML page (inline CSS), written with StAX so every text is escaped. */
    public static String html(RunResults results) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(buffer);
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeStartElement("head");
            w.writeEmptyElement("meta");
            w.writeAttribute("charset", "utf-8");
            element(w, "title", "dbtestkit run report");
            element(w, "style", "body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
                    + "td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#f4f4f4}"
                    + ".PASSED{background:#e6f6e6}.FAILED{background:#fde2e2;font-weight:bold}.SKIPPED{background:#f2f2f2;color:#666}");
            w.writeEndElement();
            w.writeStartElement("body");
            element(w, "h1", "dbtestkit run report");
            List<String> engines = results.engines();
            w.writeStartElement("table");
            w.writeStartElement("tr");
            for (String header : List.of("engine", "passed", "failed", "skipped")) {
                element(w, "th", header);
            }
            w.writeEndElement();
            for (String engine : engines) {
                w.writeStartElement("tr");
                element(w, "td", engine);
                for (Outcome outcome : Outcome.values()) {
                    element(w, "td", String.valueOf(results.count(engine, outcome)));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            for (Map.Entry<String, Map<String, Map<String, Cell>>> testClass : results.matrix().entrySet()) {
                element(w, "h2", testClass.getKey());
                w.writeStartElement("table");
                w.writeStartElement("tr");
                element(w, "th", "test");
                for (String engine : engines) {
                    element(w, "th", engine);
                }
                w.writeEndElement();
                for (Map.Entry<String, Map<String, Cell>> test : testClass.getValue().entrySet()) {
                    w.writeStartElement("tr");
                    element(w, "td", test.getKey());
                    for (String engine : engines) {
                        Cell cell = test.getValue().get(engine);
                        w.writeStartElement("td");
                        if (cell != null) {
                            w.writeAttribute("class", cell.outcome().name());
                            if (!cell.detail().isEmpty()) {
                                w.writeAttribute("title", cell.detail());
                            }
                            w.writeCharacters(symbol(cell.outcome()));
                        }
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing HTML to a string cannot fail", e);
        }
        return buffer.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String symbol(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case SKIPPED -> "skipped";
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 3)) + "...";
    }

    private static String escapeMarkdown(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
