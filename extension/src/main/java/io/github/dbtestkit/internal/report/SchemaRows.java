package io.github.dbtestkit.internal.report;

import io.github.dbtestkit.Engine;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engines' databases grouped for a table: one row per schema (mode and migrations location, with an engine's own
 * folder written {@code {engine}}), one cell per engine listing its databases of that schema. Databases that differ
 * only in the file their validation was written to (a class's accepted differences) show once.
 *
 * <pre>{@code
 * SchemaRows.of(report); // {"MIGRATIONS classpath:db/shop/flyway/{engine}" = {h2=[...], sqlite=[...]}, ...}
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaRows {

    private SchemaRows() {
    }

    /** Rows by schema name, sorted; cells by engine id, in engine order. */
    public static Map<String, Map<String, List<SchemaSetup>>> of(RunReport report) {
        Map<String, Map<String, List<SchemaSetup>>> rows = new TreeMap<>();
        for (EngineInfo engine : report.engines()) {
            for (SchemaSetup setup : engine.schemas()) {
                List<SchemaSetup> cell = rows.computeIfAbsent(name(setup, engine.id()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(engine.id(), k -> new ArrayList<>());
                if (cell.stream().noneMatch(other -> sameShown(other, setup))) {
                    cell.add(setup);
                }
            }
        }
        return rows;
    }

    /** {@code MIGRATIONS classpath:db/migration/{engine}}, {@code CREATE_ALL}. */
    static String name(SchemaSetup setup, String engine) {
        String location = setup.migrations() == null ? "" : " " + generic(setup.migrations(), engine);
        return setup.mode() + location;
    }

    private static String generic(String location, String engine) {
        String generic = location;
        for (Engine each : Engine.values()) {
            if (each.id().equals(engine)) {
                generic = generic.replaceAll("(?<=[/:])" + java.util.regex.Pattern.quote(engine) + "(?=/|$)", "{engine}");
            }
        }
        return generic;
    }

    private static boolean sameShown(SchemaSetup a, SchemaSetup b) {
        return Objects.equals(a.jdbcUrl(), b.jdbcUrl()) && Objects.equals(a.checksum(), b.checksum())
                && Objects.equals(a.mode(), b.mode()) && Objects.equals(a.migrations(), b.migrations())
                && (a.validation() == null) == (b.validation() == null)
                && (a.validation() == null || a.validation().errors() == b.validation().errors()
                    && a.validation().warnings() == b.validation().warnings());
    }
}
