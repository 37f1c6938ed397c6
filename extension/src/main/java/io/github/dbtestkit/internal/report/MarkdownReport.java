package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.List;

/**
 * The run report as Markdown, for a CI job summary ({@code cat target/dbtestkit/report.md >> $GITHUB_STEP_SUMMARY}):
 * the summary line and the differences first, then the engines and their schemas, then every class (a class with
 * nothing failed folds to one line).
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.md"), MarkdownReport.render(report, dir));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown; schema reports are linked relative to {@code reportDir}. */
    public static String render(RunReport report, Path reportDir) {
        List<String> engines = report.engineIds();
        StringBuilder out = new StringBuilder("# dbtestkit run report\n\n**").append(CellText.summary(report)).append("**");
        for (String engine : engines) {
            out.append(" · ").append(engine).append(": ").append(report.count(engine, Outcome.PASSED)).append(" passed, ")
                    .append(report.count(engine, Outcome.FAILED)).append(" failed, ")
                    .append(report.count(engine, Outcome.SKIPPED)).append(" skipped");
        }
        out.append("\n\n");
        List<RunReport.Difference> differences = report.differences();
        if (!differences.isEmpty()) {
            out.append("## What differs\n\n");
            header(out, engines);
            differences.forEach(d -> row(out, simpleName(d.testClass()) + " › " + d.test().name(), d.test(), engines));
            out.append('\n');
        }
        engines(out, report, reportDir);
        out.append("## All tests\n\n");
        for (ClassRow row : report.classes()) {
            if (row.folded()) {
                out.append("- ✅ `").append(code(row.name())).append("`: ").append(CellText.foldedLine(row, engines)).append('\n');
            }
        }
        for (ClassRow row : report.classes()) {
            if (!row.folded()) {
                out.append("\n### `").append(code(row.name())).append("`\n\n").append(CellText.openLine(row)).append("\n\n");
                header(out, engines);
                row.tests().forEach(t -> row(out, t.name(), t, engines));
            }
        }
        return out.toString();
    }

    private static void engines(StringBuilder out, RunReport report, Path reportDir) {
        List<String> engines = report.engineIds();
        out.append("## Engines\n\n");
        header(out, engines, "");
        out.append("| provider |");
        report.engines().forEach(e -> out.append(' ').append(text(e.provider())).append(" |"));
        out.append("\n| server version |");
        report.engines().forEach(e -> out.append(' ').append(text(e.serverVersion())).append(" |"));
        out.append("\n\n## Schemas and their validation\n\n");
        header(out, engines, "schema");
        SchemaRows.of(report).forEach((schema, cells) -> {
            out.append("| ").append(text(schema)).append(" |");
            for (String engine : engines) {
                List<String> shown = new java.util.ArrayList<>();
                for (SchemaSetup setup : cells.getOrDefault(engine, List.of())) {
                    StringBuilder db = new StringBuilder();
                    if (setup.validation() == null) {
                        db.append("not validated");
                    } else {
                        db.append('[').append(CellText.validation(setup.validation())).append("](")
                                .append(CellText.link(setup.validation().report(), reportDir).replace(" ", "%20")).append(')');
                    }
                    if (setup.checksum() != null) {
                        db.append(", checksum ").append(text(CellText.shortChecksum(setup.checksum())));
                    }
                    db.append(", `").append(code(setup.jdbcUrl() == null ? "" : setup.jdbcUrl())).append('`');
                    shown.add(db.toString());
                }
                out.append(' ').append(String.join("<br>", shown)).append(" |");
            }
            out.append('\n');
        });
        out.append('\n');
    }

    private static void header(StringBuilder out, List<String> engines) {
        header(out, engines, "test");
    }

    private static void header(StringBuilder out, List<String> engines, String first) {
        out.append("| ").append(first).append(" |");
        engines.forEach(e -> out.append(' ').append(e).append(" |"));
        out.append("\n|---|");
        engines.forEach(e -> out.append("---|"));
        out.append('\n');
    }

    private static void row(StringBuilder out, String name, TestRow test, List<String> engines) {
        out.append("| ").append(text(name)).append(test.crossEngine() ? " (cross-engine)" : "").append(" |");
        for (String engine : engines) {
            Cell cell = test.cells().get(engine);
            out.append(' ');
            if (cell != null) {
                out.append(icon(cell.outcome())).append(' ').append(CellText.outcomeAndDuration(cell));
                String message = CellText.shorten(cell.message(), CellText.SHORT);
                if (!message.isEmpty()) {
                    out.append(": ").append(text(message));
                }
                cell.compared().forEach(line -> out.append("<br>").append(text(CellText.shorten(line, CellText.SHORT))));
            }
            out.append(" |");
        }
        out.append('\n');
    }

    private static String icon(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
        };
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Table text: pipes, HTML and Markdown emphasis escaped, line breaks flattened. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\r", "").replace("\n", " ");
    }

    /** Inside backticks only the backtick and the pipe matter. */
    private static String code(String value) {
        return value.replace("`", "'").replace("|", "\\|");
    }
}
