package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link SchemaReport} per engine, from a check that built each engine's database itself
 * ({@link SchemaValidator#againstMigrations(String, EngineKind...)}), and a one-line summary of where they disagree.
 *
 * <pre>{@code
 * EngineReports reports = SchemaValidator.forEntities(User.class).againstMigrations("classpath:db/migration",
 *         EngineKind.H2, EngineKind.POSTGRESQL).validate();
 * reports.summary(Severity.ERROR); // "drift on PostgreSQL only"
 * }</pre>
 *
 * @param reports the reports, in the order the engines were given
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EngineReports(Map<EngineKind, SchemaReport> reports) {

    /** Copies the map, keeping its order. */
    public EngineReports {
        Objects.requireNonNull(reports, "reports");
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    /** The engines checked, in order. */
    public List<EngineKind> engines() {
        return List.copyOf(reports.keySet());
    }

    /**
     * The report of one engine.
     *
     * @throws IllegalArgumentException when that engine was not checked
     */
    public SchemaReport report(EngineKind engine) {
        SchemaReport report = reports.get(engine);
        if (report == null) {
            throw new IllegalArgumentException(engine.displayName() + " was not checked: the engines are "
                    + names(engines()) + ".");
        }
        return report;
    }

    /** Whether any engine's report has an error. */
    public boolean hasErrors() {
        return reports.values().stream().anyMatch(SchemaReport::hasErrors);
    }

    /** The engines whose report has a finding of {@code threshold} ({@code ERROR} or {@code WARNING}) or worse. */
    public List<EngineKind> drifting(Severity threshold) {
        List<EngineKind> drifting = new ArrayList<>();
        reports.forEach((engine, report) -> {
            if (drifts(report, threshold)) {
                drifting.add(engine);
            }
        });
        return List.copyOf(drifting);
    }

    /**
     * Where the engines stand, in one line: {@code no drift on H2 and SQLite}, {@code drift on PostgreSQL only},
     * {@code drift on H2 and SQLite; PostgreSQL matches}, {@code drift on H2 and PostgreSQL} (every engine).
     */
    public String summary(Severity threshold) {
        List<EngineKind> drifting = drifting(threshold);
        List<EngineKind> matching = new ArrayList<>(engines());
        matching.removeAll(drifting);
        if (drifting.isEmpty()) {
            return "no drift on " + names(matching);
        }
        if (matching.isEmpty()) {
            return "drift on " + names(drifting);
        }
        if (drifting.size() == 1) {
            return "drift on " + names(drifting) + " only";
        }
        return "drift on " + names(drifting) + "; " + names(matching) + (matching.size() == 1 ? " matches" : " match");
    }

    private static boolean drifts(SchemaReport report, Severity threshold) {
        return report.hasErrors() || (threshold != Severity.ERROR && report.hasWarnings())
                || (threshold == Severity.INFO && !report.differences(Severity.INFO).isEmpty());
    }

    private static String names(List<EngineKind> engines) {
        List<String> names = engines.stream().map(EngineKind::displayName).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
