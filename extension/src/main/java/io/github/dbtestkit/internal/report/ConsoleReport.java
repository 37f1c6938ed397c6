package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import java.util.List;

/**
 * The run report for the console: the summary line, the tests that differ with each engine's outcome, the totals per
 * engine, then every failure on one line.
 *
 * <pre>{@code
 * System.out.print(ConsoleReport.render(report));
 * // dbtestkit: 1 test behaves differently across engines
 * //   com.acme.PostTest > saves()   h2: failed (expected 3 but was 2) | sqlite: passed | postgresql: failed (...)
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConsoleReport {

    private static final int MESSAGE = 80;

    private ConsoleReport() {
    }

    /** The console text, ending in a line break. */
    public static String render(RunReport report) {
        List<String> engines = report.engineIds();
        StringBuilder out = new StringBuilder("dbtestkit: ").append(CellText.summary(report)).append('\n');
        for (RunReport.Difference difference : report.differences()) {
            out.append("  ").append(difference.testClass()).append(" > ").append(difference.test().name()).append('\n');
            for (String engine : engines) {
                Cell cell = difference.test().cells().get(engine);
                if (cell != null) {
                    String message = CellText.shorten(cell.message(), MESSAGE);
                    out.append("      ").append(engine).append(": ").append(CellText.outcomeAndDuration(cell))
                            .append(message.isEmpty() ? "" : " — " + message).append('\n');
                }
            }
        }
        out.append("dbtestkit: results per engine:");
        for (String engine : engines) {
            out.append(' ').append(engine).append(' ').append(report.count(engine, Outcome.PASSED)).append(" passed, ")
                    .append(report.count(engine, Outcome.FAILED)).append(" failed, ")
                    .append(report.count(engine, Outcome.SKIPPED)).append(" skipped;");
        }
        out.setLength(out.length() - (engines.isEmpty() ? 0 : 1));
        out.append('\n');
        StringBuilder failures = new StringBuilder();
        for (ClassRow row : report.classes()) {
            for (TestRow test : row.tests()) {
                test.cells().forEach((engine, cell) -> {
                    if (cell.outcome() == Outcome.FAILED) {
                        failures.append("  ").append(row.name()).append(" > ").append(test.name()).append(" [")
                                .append(engine).append("]: ").append(CellText.shorten(cell.message(), 200)).append('\n');
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            out.append("failures:\n").append(failures);
        }
        return out.toString();
    }
}
