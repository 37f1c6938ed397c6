package io.github.dbtestkit.schema.internal.report;

import io.github.dbtestkit.schema.SchemaReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What every rendering shows: findings grouped by table (in order of first appearance) and the counts. */
final class ReportModel {

    private final SchemaReport report;
    private final Map<String, List<Finding>> byTable = new LinkedHashMap<>();
    private final Counts counts;

    /** The numbers of the summary. Accepted findings count in {@code accepted} only. */
    record Counts(int errors, int warnings, int infos, int accepted, int stale) {

        /** {@code 2 errors, 1 warning, 0 infos, 1 accepted, 0 stale baseline entries}. */
        String sentence() {
            return plural(errors, "error", "errors") + ", " + plural(warnings, "warning", "warnings") + ", "
                    + plural(infos, "info", "infos") + ", " + accepted + " accepted, "
                    + plural(stale, "stale baseline entry", "stale baseline entries");
        }

        static String plural(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    ReportModel(SchemaReport report) {
        this.report = report;
        List<Finding> all = Stream.of(
                        report.differences().stream().map(Finding::open),
                        report.stale().stream().map(Finding::stale),
                        report.accepted().stream().map(Finding::accepted))
                .flatMap(s -> s)
                .toList();
        for (Finding finding : all) {
            byTable.computeIfAbsent(finding.table(), t -> new ArrayList<>()).add(finding);
        }
        byTable.values().forEach(list -> list.sort(Comparator.comparing(Finding::status)));
        this.counts = new Counts(
                count(all, Finding.Status.ERROR), count(all, Finding.Status.WARNING), count(all, Finding.Status.INFO),
                count(all, Finding.Status.ACCEPTED), count(all, Finding.Status.STALE));
    }

    private static int count(List<Finding> findings, Finding.Status status) {
        return (int) findings.stream().filter(f -> f.status() == status).count();
    }

    SchemaReport report() {
        return report;
    }

    Counts counts() {
        return counts;
    }

    /** Findings per table; tables in order of first appearance, findings by status (errors first). */
    Map<String, List<Finding>> byTable() {
        return byTable;
    }

    List<Finding> findings() {
        return byTable.values().stream().flatMap(List::stream).toList();
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    /** The verdict: accepted findings and warnings do not make a schema mismatch. */
    String verdict() {
        return counts.errors() == 0 ? "the database matches the entities"
                : "the database does not match the entities";
    }
}
