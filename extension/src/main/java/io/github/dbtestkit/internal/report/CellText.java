package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.List;

/**
 * The words every rendering uses for a cell, a class and the run, so that console, Markdown and HTML say the same.
 *
 * <pre>{@code
 * CellText.shorten("expected: <3> but was: <2>\n\tat ...", 40); // "expected: <3> but was: <2>"
 * CellText.summary(report);                                   // "1 test behaves differently across engines"
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CellText {

    /** How long a shortened message may be. */
    public static final int SHORT = 120;

    private CellText() {
    }

    /** The message on one line (its non-blank lines joined), at most {@code max} characters ({@code …} when cut). */
    public static String shorten(String message, int max) {
        // every line joined, so that AssertJ's "[description]" first line keeps its "expected: 1 but was: 0"
        String line = String.join(" ", message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }

    /** {@code 12 ms}, {@code 1.4 s}; empty when unknown. */
    public static String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** {@code failed · 12 ms}, {@code skipped}. */
    public static String outcomeAndDuration(Cell cell) {
        String time = duration(cell.durationMillis());
        return cell.outcome().label() + (time.isEmpty() ? "" : " · " + time);
    }

    /** {@code 3 tests behave differently across engines}; the same words with 0 and 1. */
    public static String summary(RunReport report) {
        int n = report.differenceCount();
        return n + (n == 1 ? " test behaves" : " tests behave") + " differently across engines";
    }

    /** A folded class's line: {@code 5 tests, all passed on h2, sqlite (2 skipped by a condition)}. */
    public static String foldedLine(ClassRow row, List<String> engines) {
        long skipped = row.tests().stream().flatMap(t -> t.cells().values().stream())
                .filter(c -> c.outcome() == Outcome.SKIPPED).count();
        int tests = row.tests().size();
        return tests + (tests == 1 ? " test" : " tests") + ", all passed on " + String.join(", ", enginesOf(row, engines))
                + (skipped == 0 ? "" : " (" + skipped + " skipped)");
    }

    /** An open class's line: {@code 4 tests, 1 differs, 2 failed cells}. */
    public static String openLine(ClassRow row) {
        int tests = row.tests().size();
        int differs = row.differing().size();
        long failed = row.tests().stream().flatMap(t -> t.cells().values().stream())
                .filter(c -> c.outcome() == Outcome.FAILED).count();
        return tests + (tests == 1 ? " test" : " tests") + ", " + differs + (differs == 1 ? " differs" : " differ") + ", "
                + failed + (failed == 1 ? " failure" : " failures");
    }

    /** {@code 0 errors, 1 warning}. */
    public static String validation(SchemaSetup.Validation validation) {
        return validation.errors() + (validation.errors() == 1 ? " error, " : " errors, ") + validation.warnings()
                + (validation.warnings() == 1 ? " warning" : " warnings");
    }

    /** The schema report's path relative to the run report's folder when below it, for links; else absolute. */
    public static String link(String report, Path reportDir) {
        if (report == null || report.isEmpty()) {
            return "";
        }
        Path file = Path.of(report);
        Path dir = reportDir.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? dir.relativize(absolute).toString().replace('\\', '/') : absolute.toUri().toString();
    }

    /** {@code MIGRATIONS classpath:db/migration (checksum 1a2b3c4d)}, {@code CREATE_ALL}. */
    public static String schema(SchemaSetup setup) {
        StringBuilder out = new StringBuilder(setup.mode());
        if (setup.migrations() != null) {
            out.append(' ').append(setup.migrations());
        }
        if (setup.checksum() != null) {
            out.append(" (checksum ").append(setup.checksum()).append(')');
        }
        return out.toString();
    }

    /** The first 12 characters of a checksum, enough to tell two apart at a glance. */
    public static String shortChecksum(String checksum) {
        return checksum.length() <= 12 ? checksum : checksum.substring(0, 12) + "…";
    }

    /** The engines, of those given, that the class has a cell on. */
    private static List<String> enginesOf(ClassRow row, List<String> engines) {
        return engines.stream().filter(e -> row.tests().stream().anyMatch(t -> t.cells().containsKey(e))).toList();
    }
}
