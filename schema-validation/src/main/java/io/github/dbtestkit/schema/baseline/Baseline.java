package io.github.dbtestkit.schema.baseline;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.SchemaReport;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Differences a team has decided to live with, each with its reason. Applying a baseline to a report moves the
 * findings it accepts to {@link SchemaReport#accepted()} and lists the entries that match nothing as
 * {@link SchemaReport#stale()}. The file format is described in {@code docs/reports-and-cli.md}.
 *
 * <pre>{@code
 * SchemaReport report = Baseline.read(Path.of("schema-baseline.json")).applyTo(validator.validate());
 * assertThat(report).hasNoErrors();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Baseline {

    private final List<BaselineEntry> entries;

    private Baseline(List<BaselineEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A baseline of these entries. */
    public static Baseline of(List<BaselineEntry> entries) {
        return new Baseline(entries);
    }

    /** No entries: accepts nothing. */
    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /**
     * Reads a baseline from a stream, such as a class path resource; the stream is closed.
     *
     * @param name what the stream holds, for messages ({@code classpath:schema-baseline.json})
     * @throws BaselineException naming {@code name}, and the entry and line, when the content is malformed
     */
    public static Baseline read(InputStream in, String name) {
        return new Baseline(BaselineReader.read(in, name));
    }

    /** This baseline's entries followed by {@code other}'s. */
    public Baseline and(Baseline other) {
        List<BaselineEntry> both = new ArrayList<>(entries);
        both.addAll(other.entries);
        return new Baseline(both);
    }

    /**
     * Reads a baseline file.
     *
     * @throws BaselineException naming the file, and the entry and line, when the file is missing or malformed
     */
    public static Baseline read(Path file) {
        return new Baseline(BaselineReader.read(file));
    }

    /** The entries, in file order. */
    public List<BaselineEntry> entries() {
        return entries;
    }

    /**
     * A copy of the report where the findings this baseline accepts are {@link SchemaReport#accepted() accepted},
     * and the entries that accept nothing are {@link SchemaReport#stale() stale}. Entries limited to other engines
     * than the report's are left out: they accept nothing and are not stale. What the report had already accepted or
     * found stale is kept.
     */
    public SchemaReport applyTo(SchemaReport report) {
        List<BaselineEntry> entries = this.entries.stream().filter(e -> e.appliesTo(report.engine())).toList();
        List<Difference> remaining = new ArrayList<>();
        List<AcceptedDifference> accepted = new ArrayList<>(report.accepted());
        List<BaselineEntry> used = new ArrayList<>();
        for (Difference difference : report.differences()) {
            Optional<BaselineEntry> entry = entries.stream().filter(e -> e.matches(difference)).findFirst();
            if (entry.isPresent()) {
                accepted.add(new AcceptedDifference(difference, entry.get()));
                used.add(entry.get());
            } else {
                remaining.add(difference);
            }
        }
        List<BaselineEntry> stale = new ArrayList<>(report.stale());
        entries.stream().filter(e -> used.stream().noneMatch(u -> u == e)).forEach(stale::add);
        return new SchemaReport(report.engine(), report.database(), remaining, report.notes(), accepted, stale);
    }
}
