package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.EngineOutcome;
import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side table of a cross-engine result: one column per engine, one line per row as compared (normalised,
 * and sorted when row order is ignored), the lines that differ from the first engine's marked {@code ≠}.
 *
 * <pre>{@code
 * #  | H2      | SQLite   | PostgreSQL
 *    | (Q)     | (q)      | (q)
 * ---+---------+----------+------------------------------------
 * 1  | 3       | 3        | error [22012] division by zero      ≠
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class SideBySide {

    private static final int CELL = 48;

    private SideBySide() {
    }

    static String render(List<EngineOutcome> outcomes, Comparison comparison) {
        List<List<String>> cells = new ArrayList<>();
        List<List<List<Object>>> rows = new ArrayList<>();
        int lines = 1;
        for (EngineOutcome outcome : outcomes) {
            List<List<Object>> comparable = outcome.failed() || outcome.updateCount() >= 0 ? List.of()
                    : comparison.comparable(outcome);
            rows.add(comparable);
            List<String> column = new ArrayList<>();
            if (outcome.failed() || outcome.updateCount() >= 0) {
                column.add(outcome.summary());
            } else if (comparable.isEmpty()) {
                column.add("(no rows)");
            } else {
                comparable.forEach(row -> column.add(row(row)));
            }
            cells.add(column);
            lines = Math.max(lines, column.size());
        }
        List<String> header = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (EngineOutcome outcome : outcomes) {
            header.add(outcome.engine().displayName());
            labels.add(outcome.columns().isEmpty() ? "" : "(" + String.join(", ", outcome.columns()) + ")");
        }
        int[] widths = new int[outcomes.size()];
        for (int e = 0; e < outcomes.size(); e++) {
            widths[e] = Math.max(header.get(e).length(), labels.get(e).length());
            for (String cell : cells.get(e)) {
                widths[e] = Math.max(widths[e], cell.length());
            }
        }
        int number = Math.max(1, String.valueOf(lines).length());
        StringBuilder out = new StringBuilder();
        line(out, pad("#", number), header, widths, "");
        if (labels.stream().anyMatch(label -> !label.isEmpty())) {
            line(out, pad("", number), labels, widths, "");
        }
        out.append("-".repeat(number + 1));
        for (int width : widths) {
            out.append("+").append("-".repeat(width + 2));
        }
        out.append('\n');
        for (int i = 0; i < lines; i++) {
            List<String> values = new ArrayList<>();
            for (List<String> column : cells) {
                values.add(i < column.size() ? column.get(i) : "—");
            }
            line(out, pad(String.valueOf(i + 1), number), values, widths, differs(outcomes, rows, comparison, i) ? "≠" : "");
        }
        return out.toString();
    }

    private static boolean differs(List<EngineOutcome> outcomes, List<List<List<Object>>> rows, Comparison comparison,
                                   int line) {
        EngineOutcome first = outcomes.get(0);
        for (int e = 1; e < outcomes.size(); e++) {
            EngineOutcome other = outcomes.get(e);
            boolean tabular = !first.failed() && !other.failed() && first.updateCount() < 0 && other.updateCount() < 0;
            if (!tabular) {
                if (line == 0 && !comparison.same(first, other)) {
                    return true;
                }
                continue;
            }
            List<List<Object>> a = rows.get(0);
            List<List<Object>> b = rows.get(e);
            boolean inA = line < a.size();
            boolean inB = line < b.size();
            if (inA != inB || (inA && !comparison.sameRow(a.get(line), b.get(line)))) {
                return true;
            }
        }
        return false;
    }

    private static void line(StringBuilder out, String first, List<String> values, int[] widths, String mark) {
        StringBuilder line = new StringBuilder(first);
        for (int e = 0; e < values.size(); e++) {
            line.append(" | ").append(pad(values.get(e), widths[e]));
        }
        if (!mark.isEmpty()) {
            line.append("  ").append(mark);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String row(List<Object> row) {
        List<String> values = new ArrayList<>();
        row.forEach(value -> values.add(value(value)));
        String text = String.join(", ", values);
        return text.length() <= CELL ? text : text.substring(0, CELL - 1) + "…";
    }

    /** {@code null}, {@code 'text'}, {@code 3.5}, or the value's own text. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String || value instanceof Character) {
            return "'" + value + "'";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
