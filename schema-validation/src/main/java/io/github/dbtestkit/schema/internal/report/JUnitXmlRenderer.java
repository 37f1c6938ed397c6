package io.github.dbtestkit.schema.internal.report;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML (the Ant/Surefire dialect CI servers read): one {@code <testsuite>} per report, one {@code <testcase>}
 * per table with findings. A table with errors gets a {@code <failure>} listing them; its other findings go to
 * {@code <system-out>} without failing it. A report without findings holds one passing test case, so CI shows the
 * check ran.
 */
final class JUnitXmlRenderer {

    static final String ALL_TABLES = "all mapped tables";

    private JUnitXmlRenderer() {
    }

    static String render(ReportModel model) {
        String suite = "schema [" + model.report().engine() + "]";
        Map<String, List<Finding>> tables = model.byTable();
        int failures = (int) tables.values().stream()
                .filter(fs -> fs.stream().anyMatch(f -> f.status() == Finding.Status.ERROR)).count();
        try {
            XmlOutput xml = new XmlOutput();
            xml.writer().writeStartDocument("UTF-8", "1.0");
            xml.start("testsuite")
                    .attribute("name", suite)
                    .attribute("tests", String.valueOf(Math.max(1, tables.size())))
                    .attribute("failures", String.valueOf(failures))
                    .attribute("errors", "0")
                    .attribute("skipped", "0")
                    .attribute("time", "0");
            xml.start("properties");
            property(xml, "engine", model.report().engine());
            property(xml, "database", model.report().database());
            property(xml, "summary", model.counts().sentence());
            for (String note : model.report().notes()) {
                property(xml, "note", note);
            }
            xml.end(true);
            if (tables.isEmpty()) {
                xml.start("testcase").attribute("classname", suite).attribute("name", ALL_TABLES)
                        .attribute("time", "0").end(false);
            }
            for (Map.Entry<String, List<Finding>> table : tables.entrySet()) {
                testcase(xml, suite, table.getKey(), table.getValue());
            }
            xml.end(true);
            return xml.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render the schema report as JUnit XML", e);
        }
    }

    private static void property(XmlOutput xml, String name, String value) throws XMLStreamException {
        xml.empty("property").attribute("name", name).attribute("value", TextRenderer.oneLine(value));
    }

    private static void testcase(XmlOutput xml, String suite, String table, List<Finding> findings)
            throws XMLStreamException {
        List<Finding> errors = findings.stream().filter(f -> f.status() == Finding.Status.ERROR).toList();
        List<Finding> others = findings.stream().filter(f -> f.status() != Finding.Status.ERROR).toList();
        xml.start("testcase").attribute("classname", suite).attribute("name", table).attribute("time", "0");
        if (!errors.isEmpty()) {
            String kinds = String.join(", ", errors.stream().map(f -> f.kind().name()).distinct().toList());
            xml.start("failure")
                    .attribute("message", ReportModel.Counts.plural(errors.size(), "schema error", "schema errors")
                            + " in " + table + ": " + kinds)
                    .attribute("type", "SchemaDrift")
                    .text("\n" + TextRenderer.lines(errors, false))
                    .end(false);
        }
        if (!others.isEmpty()) {
            xml.start("system-out").text("\n" + TextRenderer.lines(others, false)).end(false);
        }
        xml.end(!errors.isEmpty() || !others.isEmpty());
    }
}
