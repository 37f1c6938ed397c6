package io.github.dbtestkit.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with right-aligned columns, readable in a terminal and pasteable into Markdown (it prints
 * pipe-separated rows with a header rule).
 *
 * <pre>{@code
 * Table table = new Table("engine", "µs/test"); table.row("h2", Table.number(41.7, 1));
 * table.print(System.out);
 * }</pre>
 */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column titles. */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException when the row has not one cell per column
     */
    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("A row of " + cells.length + " cells in a table of " + header.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The column titles. */
    public List<String> header() {
        return header;
    }

    /** The rows, each with one cell per column. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table as Markdown-compatible pipe-separated rows with padded cells. */
    public void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(header, widths));
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? ":" : "-").append("-".repeat(widths[i])).append(i == 0 ? "-|" : ":|");
        }
        out.println(rule);
        rows.forEach(row -> out.println(line(row, widths)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - cell.length());
            line.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
        }
        return line.toString();
    }

    /** {@code value} with {@code decimals} decimals, independent of the default locale. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A ratio such as {@code 1.42x}. */
    public static String ratio(double numerator, double denominator) {
        return denominator == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", numerator / denominator);
    }
}
