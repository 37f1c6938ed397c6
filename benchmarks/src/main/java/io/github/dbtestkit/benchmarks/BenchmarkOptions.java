package io.github.dbtestkit.benchmarks;

import io.github.dbtestkit.Engine;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The harness's options, read from {@code bench.*} system properties so that {@code mvn -Pbench -Dbench.iterations=200}
 * and {@code java -Dbench.iterations=200 ...} both work.
 *
 * <pre>{@code
 * BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
 * for (Engine engine : options.engines()) { ... }
 * }</pre>
 *
 * @param only       {@code bench.only}: ids of the benchmarks to run, empty for all
 * @param engines    {@code bench.engines}: engines to measure, e.g. {@code h2,sqlite}
 * @param iterations {@code bench.iterations}: tests (or raw loop iterations) per timed run
 * @param warmups    {@code bench.warmups}: untimed runs of each variant before timing, at least 1 (the first run
 *                   of a class pays the schema setup and JIT compilation)
 * @param rounds     {@code bench.rounds}: timed runs of each variant; medians are reported
 * @param jvms       {@code bench.jvms}: child JVMs started per variant for startup times (after one untimed one)
 * @param smoke      {@code bench.smoke}: a regression guard, not a measurement: every benchmark runs once with its
 *                   smallest sizes (a few tests, migrations and entities, one child JVM per variant, no untimed ones)
 *                   so that a run fails when one throws: the counts are then {@link #SMOKE_ITERATIONS} tests and one
 *                   warm-up, round and child JVM, whatever the other keys say
 */
public record BenchmarkOptions(Set<String> only, List<Engine> engines, int iterations, int warmups, int rounds, int jvms,
                               boolean smoke) {

    /** Key selecting benchmarks by id, comma-separated, or {@code all}. */
    public static final String ONLY = "bench.only";
    /** Key of the engines, comma-separated. */
    public static final String ENGINES = "bench.engines";
    /** Key of the number of tests per timed run. */
    public static final String ITERATIONS = "bench.iterations";
    /** Key of the number of warm-up runs. */
    public static final String WARMUPS = "bench.warmups";
    /** Key of the number of timed rounds. */
    public static final String ROUNDS = "bench.rounds";
    /** Key of the number of child JVMs per startup variant. */
    public static final String JVMS = "bench.jvms";
    /** Key of the smoke mode, {@code true} or {@code false}. */
    public static final String SMOKE = "bench.smoke";
    /** Tests per timed run in smoke mode. */
    public static final int SMOKE_ITERATIONS = 20;

    public BenchmarkOptions {
        only = Set.copyOf(only);
        engines = List.copyOf(engines);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException(ENGINES + " names no engine: expected a comma-separated list of h2, sqlite, postgresql.");
        }
        requireAtLeast(ITERATIONS, iterations, 1);
        requireAtLeast(WARMUPS, warmups, 1); // the first run pays schema setup and JIT compilation
        requireAtLeast(ROUNDS, rounds, 1);
        requireAtLeast(JVMS, jvms, 1);
    }

    /** Reads the options from this JVM's system properties, with the defaults of a full run. */
    public static BenchmarkOptions fromSystemProperties() {
        return from(System.getProperties());
    }

    /**
     * Reads the options from {@code properties}; missing keys take the defaults of a full run.
     *
     * @throws IllegalArgumentException naming the key and its bad value
     */
    public static BenchmarkOptions from(Properties properties) {
        boolean smoke = parseBoolean(properties, SMOKE);
        return new BenchmarkOptions(
                parseOnly(properties.getProperty(ONLY, "all")),
                parseEngines(properties.getProperty(ENGINES, "h2,sqlite,postgresql")),
                smoke ? SMOKE_ITERATIONS : parseInt(properties, ITERATIONS, 1000),
                smoke ? 1 : parseInt(properties, WARMUPS, 5),
                smoke ? 1 : parseInt(properties, ROUNDS, 10),
                smoke ? 1 : parseInt(properties, JVMS, 5),
                smoke);
    }

    /** Whether these are the counts of a full run (the defaults, not smoke mode). */
    public boolean isFullRun() {
        return !smoke && iterations == 1000 && warmups == 5 && rounds == 10 && jvms == 5;
    }

    /** Whether the benchmark with this id was selected. */
    public boolean selects(String benchmarkId) {
        return only.isEmpty() || only.contains(benchmarkId);
    }

    /** The options as one line, for the head of the output. */
    public String describe() {
        return ENGINES + "=" + String.join(",", engines.stream().map(Engine::id).toList())
                + " " + ITERATIONS + "=" + iterations + " " + WARMUPS + "=" + warmups + " " + ROUNDS + "=" + rounds
                + " " + JVMS + "=" + jvms + (smoke ? " " + SMOKE + "=true" : "") + " " + ONLY + "=" + (only.isEmpty() ? "all" : String.join(",", new TreeSet<>(only)));
    }

    private static Set<String> parseOnly(String value) {
        Set<String> ids = new TreeSet<>();
        for (String id : value.split(",")) {
            String trimmed = id.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty() && !trimmed.equals("all")) {
                ids.add(trimmed);
            }
        }
        return ids;
    }

    private static List<Engine> parseEngines(String value) {
        try {
            return Engine.fromIds(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENGINES + "=" + value + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(Properties properties, String key, int defaultValue) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number: set it to e.g. " + defaultValue + ".", e);
        }
    }

    private static boolean parseBoolean(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(key + "=" + value + " is neither true nor false.");
    }

    private static void requireAtLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + "=" + value + " is too small: it must be at least " + minimum + ".");
        }
    }
}
