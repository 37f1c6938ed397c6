package io.github.dbtestkit.schema.internal.report;

import java.util.List;
import java.util.function.Function;

/**
 * GitHub-flavoured Markdown for a CI job summary: a heading with the verdict, a counts table, then one table per
 * status. Every user-supplied text is escaped so that {@code |}, {@code <} or {@code *} in a name or message can
 * neither break the table nor turn into markup.
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(ReportModel model) {
        ReportModel.Counts counts = model.counts();
        StringBuilder out = new StringBuilder();
        out.append("## Schema check: ").append(escape(model.report().engine())).append(" — ")
                .append(headline(counts)).append("\n\n");
        out.append("Database: ").append(escape(model.report().database())).append("\n\n");
        out.append("| Errors | Warnings | Infos | Accepted | Stale baseline entries |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(counts.errors()).append(" | ").append(counts.warnings()).append(" | ")
                .append(counts.infos()).append(" | ").append(counts.accepted()).append(" | ")
                .append(counts.stale()).append(" |\n\n");
        model.report().hints().forEach(h -> out.append("> **Hint:** ").append(escape(h)).append("\n\n"));
        if (model.isEmpty()) {
            out.append("No differences: the database matches the entities.\n\n");
        }
        section(out, model, Finding.Status.ERROR, "Errors", false);
        section(out, model, Finding.Status.WARNING, "Warnings", false);
        section(out, model, Finding.Status.STALE, "Stale baseline entries (count as warnings)", true);
        section(out, model, Finding.Status.INFO, "Infos", false);
        section(out, model, Finding.Status.ACCEPTED, "Accepted by the baseline", true);
        if (!model.report().notes().isEmpty()) {
            out.append("### Notes\n\n");
            model.report().notes().forEach(n -> out.append("- ").append(escape(n)).append('\n'));
        }
        return out.toString();
    }

    private static String headline(ReportModel.Counts counts) {
        if (counts.errors() > 0) {
            return "❌ " + ReportModel.Counts.plural(counts.errors(), "error", "errors");
        }
        int warnings = counts.warnings() + counts.stale();
        if (warnings > 0) {
            return "⚠️ " + ReportModel.Counts.plural(warnings, "warning", "warnings");
        }
        return "✅ matches";
    }

    private static void section(StringBuilder out, ReportModel model, Finding.Status status, String title,
                                boolean withReason) {
        List<Finding> findings = model.findings().stream().filter(f -> f.status() == status).toList();
        if (findings.isEmpty()) {
            return;
        }
        out.append("### ").append(title).append(" (").append(findings.size()).append(")\n\n");
        out.append("| Table | Column | Kind | Expected | Found | Message |").append(withReason ? " Reason |" : "")
                .append('\n');
        out.append("|---|---|---|---|---|---|").append(withReason ? "---|" : "").append('\n');
        for (Finding f : findings) {
            out.append('|');
            List<Function<Finding, String>> cells = List.of(Finding::table, Finding::column, f2 -> f2.kind().name(),
                    Finding::expected, Finding::actual, Finding::message);
            cells.forEach(cell -> out.append(' ').append(escape(cell.apply(f))).append(" |"));
            if (withReason) {
                out.append(' ').append(escape(f.reason())).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /**
     * Backslash-escapes the characters that would end a table cell or start markup (CommonMark allows escaping any
     * ASCII punctuation), and folds line breaks, which would end the row.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replaceAll("\\R", " ").toCharArray()) {
            if ("\\`*_[]<>|&~#!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
