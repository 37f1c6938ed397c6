package io.github.dbtestkit.benchmarks.scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the trivial test classes of {@link TestCountScalingBenchmark}: classes of {@value #TESTS_PER_CLASS} tests,
 * as {@code @DatabaseTest} classes ({@link #DBTESTKIT}: each test takes the injected {@code Connection} and does
 * nothing with it) and as plain JUnit classes ({@link #PLAIN}: each test does nothing). A count of N tests is the
 * first N / {@value #TESTS_PER_CLASS} classes of a variant.
 *
 * <pre>{@code
 * Map<String, String> sources = TrivialSources.sources(200);
 * List<String> first40 = TrivialSources.classNames(TrivialSources.DBTESTKIT, 40);
 * }</pre>
 */
public final class TrivialSources {

    /** The package of the generated classes. */
    public static final String PACKAGE = "bench.gen.scaling";
    /** Tests per class, as in the blog workload: a suite of many classes of a few dozen tests. */
    public static final int TESTS_PER_CLASS = 25;
    /** The variant of {@code @DatabaseTest} classes. */
    public static final String DBTESTKIT = "dbtestkit";
    /** The variant of plain JUnit classes. */
    public static final String PLAIN = "plain";

    private TrivialSources() {
    }

    /** Fully qualified names of the first {@code classes} classes of a variant, in the order they run. */
    public static List<String> classNames(String variant, int classes) {
        String prefix = switch (variant) {
            case DBTESTKIT -> "TrivialDbtestkit";
            case PLAIN -> "TrivialPlain";
            default -> throw new IllegalArgumentException("Unknown variant '" + variant + "': expected " + DBTESTKIT
                    + " or " + PLAIN + ".");
        };
        return IntStream.rangeClosed(1, classes)
                .mapToObj(i -> PACKAGE + "." + prefix + String.format(Locale.ROOT, "%03d", i)).toList();
    }

    /** Both variants' {@code classes} classes, class name to source text. */
    public static Map<String, String> sources(int classes) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String variant : List.of(DBTESTKIT, PLAIN)) {
            for (String name : classNames(variant, classes)) {
                sources.put(name, source(variant, name.substring(PACKAGE.length() + 1)));
            }
        }
        return sources;
    }

    static String source(String variant, String simpleName) {
        boolean dbtestkit = variant.equals(DBTESTKIT);
        StringBuilder java = new StringBuilder("package " + PACKAGE + ";\n\n")
                .append("import org.junit.jupiter.api.Test;\n\n");
        if (dbtestkit) {
            java.append("@io.github.dbtestkit.DatabaseTest(engines = {io.github.dbtestkit.Engine.H2,"
                    + " io.github.dbtestkit.Engine.SQLITE, io.github.dbtestkit.Engine.POSTGRESQL},"
                    + " entities = io.github.dbtestkit.benchmarks.workload.BenchRow.class)\n");
        }
        java.append("public class ").append(simpleName).append(" {\n");
        for (int t = 1; t <= TESTS_PER_CLASS; t++) {
            String method = String.format(Locale.ROOT, "t%02d", t);
            java.append(dbtestkit
                    ? "    @Test void " + method + "(java.sql.Connection connection) { }\n"
                    : "    @Test void " + method + "() { }\n");
        }
        return java.append("}\n").toString();
    }
}
