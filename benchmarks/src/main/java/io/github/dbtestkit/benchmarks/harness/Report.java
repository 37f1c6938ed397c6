package io.github.dbtestkit.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one benchmark found, as it finds it: progress lines go to the console only; tables and notes go to the
 * console and are kept; every series of measurements behind a table is kept by name with its {@link Samples}, so that
 * {@link ResultsFile} can write medians and ranges (min–max) to {@code RESULTS.md} and {@code RESULTS.json} from the
 * same numbers the console shows, never from hand-copied ones.
 *
 * <pre>{@code
 * report.samples("h2 · plain JUnit · wall", "µs/test", plainWall);
 * report.table("Wall-clock time per test:", table);
 * }</pre>
 */
public final class Report {

    /** A table with the line that introduces it, or a note alone ({@code table} null). */
    public record Block(String text, Table table) {
    }

    /** A named series of measurements of one quantity, in {@code unit}. */
    public record Series(String name, String unit, Samples samples) {
    }

    private final PrintStream console;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();

    /** A report that prints to {@code console}. */
    public Report(PrintStream console) {
        this.console = Objects.requireNonNull(console);
    }

    /** Prints a progress line (console only: not part of the results). */
    public void progress(String line) {
        console.println(line);
    }

    /** Prints {@code caption} and {@code table}, after an empty line, and keeps both for the results file. */
    public void table(String caption, Table table) {
        console.println();
        console.println(caption);
        table.print(console);
        blocks.add(new Block(caption, table));
    }

    /** Prints a note (what a column means, what could not be measured) and keeps it. */
    public void note(String line) {
        console.println(line);
        blocks.add(new Block(line, null));
    }

    /**
     * Keeps a series of measurements for the medians-and-ranges table of the results. A later series of the same name
     * replaces an earlier one.
     */
    public void samples(String name, String unit, Samples samples) {
        if (samples.count() > 0) {
            series.put(name, new Series(name, unit, samples));
        }
    }

    /** Records the version a database reported while it was measured, e.g. {@code PostgreSQL 17.11}. */
    public void database(String engine, String version) {
        databases.put(engine, version);
    }

    /** Tables and notes, in the order they were printed. */
    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The series of measurements, in the order they were first kept. */
    public List<Series> series() {
        return List.copyOf(series.values());
    }

    /** Engine id to the database version it reported. */
    public Map<String, String> databases() {
        return Map.copyOf(databases);
    }
}
