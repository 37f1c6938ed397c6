package io.github.dbtestkit.schema.internal.report;

import java.util.List;

/**
 * Compiler-style text: a header, one finding per line grouped by table (a blank line between tables), notes,
 * and a summary line.
 */
final class TextRenderer {

    private static final int LABEL_WIDTH = "ACCEPTED".length();

    private TextRenderer() {
    }

    static String render(ReportModel model) {
        StringBuilder out = new StringBuilder();
        out.append("Schema check of ").append(oneLine(model.report().database()))
                .append(" (").append(oneLine(model.report().engine())).append("): ")
                .append(model.counts().sentence()).append('\n');
        for (String hint : model.report().hints()) {
            out.append("Hint: ").append(oneLine(hint)).append('\n');
        }
        for (String note : model.report().notes()) {
            out.append("Note: ").append(oneLine(note)).append('\n');
        }
        out.append('\n');
        if (model.isEmpty()) {
            out.append("No differences.\n");
        } else {
            out.append(lines(model.findings(), true));
        }
        out.append('\n').append("Summary: ").append(model.counts().sentence()).append(" — ")
                .append(model.verdict()).append(".\n");
        return out.toString();
    }

    /** The findings, one per line, columns aligned; a blank line between tables when {@code separateTables}. */
    static String lines(List<Finding> findings, boolean separateTables) {
        int locationWidth = findings.stream().mapToInt(f -> oneLine(f.location()).length()).max().orElse(0);
        int kindWidth = findings.stream().mapToInt(f -> f.kind().name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        String table = null;
        for (Finding finding : findings) {
            if (separateTables && table != null && !table.equals(finding.table())) {
                out.append('\n');
            }
            table = finding.table();
            out.append(line(finding, locationWidth, kindWidth)).append('\n');
        }
        return out.toString();
    }

    private static String line(Finding f, int locationWidth, int kindWidth) {
        StringBuilder line = new StringBuilder()
                .append(pad(f.status().label(), LABEL_WIDTH)).append("  ")
                .append(pad(oneLine(f.location()), locationWidth)).append("  ")
                .append(pad(f.kind().name(), kindWidth)).append("  ");
        String detail = f.detail();
        if (!detail.isEmpty()) {
            line.append(oneLine(detail)).append(" — ");
        }
        line.append(oneLine(f.message()));
        if (f.reason() != null) {
            line.append(f.status() == Finding.Status.ACCEPTED ? " [accepted: " : " [reason was: ")
                    .append(oneLine(f.reason())).append(']');
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Keeps one finding on one line whatever its message holds. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\R", " ");
    }
}
