package io.github.dbtestkit;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature of SQL that not every engine has, or not in every version: what {@link RequiresFeature} asks for.
 *
 * <p>Each feature knows the first version of each engine that has it, and whether an engine's version has it. The
 * minimum versions come from the engines' release notes; the versions dbtestkit is tested with are checked by running
 * the feature (see {@code docs/engine-capabilities.md}).
 *
 * <pre>{@code
 * Feature.RETURNING.supportedBy(Engine.SQLITE, "3.34.1"); // false: SQLite has RETURNING from 3.35
 * Feature.RETURNING.minimumVersion(Engine.POSTGRESQL);      // Optional["8.2"]
 * Feature.RETURNING.minimumVersion(Engine.H2);              // Optional.empty(): no version of H2 has it
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Feature {

    /** {@code INSERT/UPDATE/DELETE ... RETURNING}: SQLite 3.35, PostgreSQL 8.2; H2 has none (it has {@code FINAL TABLE}). */
    RETURNING("RETURNING", null, "3.35", "8.2"),

    /**
     * Reading a value out of a JSON document in SQL: SQLite's {@code json_extract} (built in from 3.38, an extension
     * before), PostgreSQL's {@code ->>} (9.3); H2 stores {@code JSON} but has no function to read a field of it.
     */
    JSON("functions to read JSON", null, "3.38", "9.3"),

    /** {@code row_number() over (...)} and the other window functions: H2 1.4.198, SQLite 3.25, PostgreSQL 8.4. */
    WINDOW_FUNCTIONS("window functions", "1.4.198", "3.25", "8.4"),

    /** {@code SELECT ... FOR UPDATE SKIP LOCKED}: H2 2.2.220, PostgreSQL 9.5; SQLite has no row locks at all. */
    SKIP_LOCKED("FOR UPDATE SKIP LOCKED", "2.2.220", null, "9.5"),

    /** {@code CREATE SEQUENCE} and reading its next value: H2 and PostgreSQL; SQLite has none. */
    SEQUENCES("sequences", "0", null, "0"),

    /**
     * DDL that a rollback undoes: SQLite and PostgreSQL; H2 commits the transaction before each DDL statement.
     */
    TRANSACTIONAL_DDL("transactional DDL", null, "0", "0");

    /** The minimum version of an engine every version of which has the feature (written as "0" above). */
    private static final String ANY = "0";

    private final String description;
    private final Map<Engine, String> minimumVersions = new EnumMap<>(Engine.class);

    Feature(String description, String h2, String sqlite, String postgresql) {
        this.description = description;
        put(Engine.H2, h2);
        put(Engine.SQLITE, sqlite);
        put(Engine.POSTGRESQL, postgresql);
    }

    private void put(Engine engine, String version) {
        if (version != null) {
            minimumVersions.put(engine, version);
        }
    }

    /** How messages name the feature: {@code FOR UPDATE SKIP LOCKED}. */
    public String description() {
        return description;
    }

    /** The first version of {@code engine} that has the feature, {@code 0} when every version has it; empty when none has it. */
    public Optional<String> minimumVersion(Engine engine) {
        return Optional.ofNullable(minimumVersions.get(engine));
    }

    /**
     * Whether {@code engine} at {@code version} has the feature. The version is read as the JDBC driver reports it
     * ({@code DatabaseMetaData.getDatabaseProductVersion()}): {@code 3.45.1}, {@code 17.11},
     * {@code 2.5.252 (2026-09-23)}; only its leading numbers count.
     *
     * @throws IllegalArgumentException when {@code version} does not start with a number
     */
    public boolean supportedBy(Engine engine, String version) {
        return minimumVersion(engine).map(minimum -> compare(numbers(version), numbers(minimum)) >= 0).orElse(false);
    }

    /** {@code (PostgreSQL 9.5+ has it)}, {@code (H2 1.4.198+, SQLite 3.25+ and PostgreSQL 8.4+ have it)}. */
    String whoHasIt() {
        List<String> engines = new ArrayList<>();
        minimumVersions.forEach((engine, version) -> engines.add(engine.displayName()
                + (ANY.equals(version) ? "" : " " + version + "+")));
        String listed = engines.size() == 1 ? engines.get(0)
                : String.join(", ", engines.subList(0, engines.size() - 1)) + " and " + engines.get(engines.size() - 1);
        return "(" + listed + (engines.size() == 1 ? " has it)" : " have it)");
    }

    /** The leading numbers of a version: {@code 2.5.252 (2026-09-23)} is {@code [2, 5, 252]}. */
    static List<Integer> numbers(String version) {
        List<Integer> numbers = new ArrayList<>();
        java.util.regex.Matcher leading = java.util.regex.Pattern.compile("^\\s*(\\d+(?:\\.\\d+)*)").matcher(version);
        if (!leading.find()) {
            throw new IllegalArgumentException("Version '" + version + "' does not start with a number.");
        }
        for (String part : leading.group(1).split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return numbers;
    }

    /** {@code 2.5.252} for {@code 2.5.252 (2026-09-23)}. */
    static String shortVersion(String version) {
        return String.join(".", numbers(version).stream().map(String::valueOf).toList());
    }

    private static int compare(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            int l = i < left.size() ? left.get(i) : 0;
            int r = i < right.size() ? right.get(i) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }
}
