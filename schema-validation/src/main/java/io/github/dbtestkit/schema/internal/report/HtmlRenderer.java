package io.github.dbtestkit.schema.internal.report;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained page (inline CSS, no scripts, no external assets) written as polyglot XHTML through the JDK's
 * StAX writer, so every name and message is escaped: the verdict and counts at the top, then one table per database
 * table with one coloured row per finding.
 */
final class HtmlRenderer {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    // No '<', '>' or '&' here: the writer would escape them, and HTML does not unescape style elements.
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1d2939}
            h1{font-size:1.5rem;margin-bottom:.25rem}
            .database{font-family:ui-monospace,monospace;color:#475467;margin-top:0}
            .hint{background:#fffaeb;border-left:4px solid #f79009;padding:.6rem .8rem;color:#7a2e0e}
            .verdict{display:inline-block;padding:.15rem .6rem;border-radius:1rem;font-size:1rem;margin-left:.5rem}
            .verdict.pass{background:#ecfdf3;color:#027a48}
            .verdict.fail{background:#fef3f2;color:#b42318}
            .counts{list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}
            .counts li{padding:.3rem .7rem;border-radius:.4rem;font-weight:600}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
            th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #eaecf0;vertical-align:top}
            th{background:#f9fafb;font-size:.85rem}
            td.code{font-family:ui-monospace,monospace;white-space:nowrap}
            .error{background:#fef3f2;color:#b42318}
            .warning,.stale{background:#fffaeb;color:#b54708}
            .info{background:#eff8ff;color:#175cd3}
            .accepted{background:#f2f4f7;color:#475467}
            .reason{font-style:italic}
            """;

    private HtmlRenderer() {
    }

    static String render(ReportModel model) {
        String title = "Schema check: " + model.report().engine();
        try {
            XmlOutput html = new XmlOutput();
            html.writer().writeDTD("<!DOCTYPE html>");
            html.start("html");
            html.writer().writeDefaultNamespace(XHTML);
            html.attribute("lang", "en");
            html.start("head");
            html.empty("meta").attribute("charset", "UTF-8");
            html.empty("meta").attribute("name", "viewport")
                    .attribute("content", "width=device-width, initial-scale=1");
            html.element("title", title);
            html.element("style", "\n" + CSS);
            html.end(true);
            html.start("body");
            html.start("h1").text(title);
            boolean matches = model.counts().errors() == 0;
            html.start("span").attribute("class", matches ? "verdict pass" : "verdict fail")
                    .text(matches ? "matches" : "does not match").end(false);
            html.end(true);
            html.start("p").attribute("class", "database").text(model.report().database()).end(false);
            counts(html, model.counts());
            for (String hint : model.report().hints()) {
                html.start("p").attribute("class", "hint").text(hint).end(false);
            }
            if (model.isEmpty()) {
                html.element("p", "No differences: the database matches the entities.");
            }
            for (Map.Entry<String, List<Finding>> table : model.byTable().entrySet()) {
                table(html, table.getKey(), table.getValue());
            }
            if (!model.report().notes().isEmpty()) {
                html.element("h2", "Notes");
                html.start("ul");
                for (String note : model.report().notes()) {
                    html.element("li", note);
                }
                html.end(true);
            }
            html.end(true);
            html.end(true);
            return html.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render the schema report as HTML", e);
        }
    }

    private static void counts(XmlOutput html, ReportModel.Counts counts) throws XMLStreamException {
        html.start("ul").attribute("class", "counts");
        count(html, "error", ReportModel.Counts.plural(counts.errors(), "error", "errors"));
        count(html, "warning", ReportModel.Counts.plural(counts.warnings(), "warning", "warnings"));
        count(html, "info", ReportModel.Counts.plural(counts.infos(), "info", "infos"));
        count(html, "accepted", counts.accepted() + " accepted");
        count(html, "stale", ReportModel.Counts.plural(counts.stale(), "stale baseline entry",
                "stale baseline entries"));
        html.end(true);
    }

    private static void count(XmlOutput html, String cssClass, String text) throws XMLStreamException {
        html.start("li").attribute("class", cssClass).text(text).end(false);
    }

    private static void table(XmlOutput html, String table, List<Finding> findings) throws XMLStreamException {
        html.start("section");
        html.element("h2", table);
        html.start("table");
        html.start("thead").start("tr");
        for (String heading : List.of("Severity", "Column", "Kind", "Expected", "Found", "Message")) {
            html.element("th", heading);
        }
        html.end(true).end(true);
        html.start("tbody");
        for (Finding f : findings) {
            html.start("tr").attribute("class", f.status().name().toLowerCase(Locale.ROOT));
            html.start("td").attribute("class", "code").text(label(f)).end(false);
            html.start("td").attribute("class", "code").text(f.column()).end(false);
            html.start("td").attribute("class", "code").text(f.kind().name()).end(false);
            html.start("td").attribute("class", "code").text(f.expected()).end(false);
            html.start("td").attribute("class", "code").text(f.actual()).end(false);
            html.start("td").text(f.message());
            if (f.reason() != null) {
                html.start("div").attribute("class", "reason")
                        .text((f.status() == Finding.Status.ACCEPTED ? "Accepted: " : "Reason was: ") + f.reason())
                        .end(false);
            }
            html.end(f.reason() != null);
            html.end(true);
        }
        html.end(true);
        html.end(true);
        html.end(true);
    }

    private static String label(Finding f) {
        return switch (f.status()) {
            case ACCEPTED -> "ACCEPTED (" + f.severity().name() + ")";
            case STALE -> "WARNING (stale)";
            default -> f.status().label();
        };
    }
}
