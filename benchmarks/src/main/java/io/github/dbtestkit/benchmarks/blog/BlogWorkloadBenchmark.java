package io.github.dbtestkit.benchmarks.blog;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The blog workload of issue 12 as a suite a user would run: {@value #CLASSES} generated classes of {@value #TESTS}
 * tests on {@link Post} and {@link Comment} (create_all), each test persisting a post with two comments and checking
 * with JPQL, run in a fresh child JVM per engine, once with {@code @DatabaseTest} and once as Hibernate by hand (one
 * SessionFactory per JVM, an EntityManager per test, begin and roll back). Children of both variants are interleaved;
 * one untimed child per variant goes first. Smoke mode runs {@value #SMOKE_CLASSES} classes of {@value #SMOKE_TESTS}
 * tests, one child per variant, side by side.
 *
 * <pre>{@code
 * new BlogWorkloadBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class BlogWorkloadBenchmark implements Benchmark {

    /** Classes of the workload. */
    static final int CLASSES = 20;
    /** Tests per class. */
    static final int TESTS = 25;
    /** Classes in smoke mode (two, so that "after the first class" is measured). */
    static final int SMOKE_CLASSES = 2;
    /** Tests per class in smoke mode. */
    static final int SMOKE_TESTS = 3;

    private static final long TIMEOUT_SECONDS = 600;
    private static final List<String> VARIANTS = List.of(BlogSources.DBTESTKIT, BlogSources.BY_HAND);

    /** One child's times: wall from the parent's process start to its exit, the rest from the child. */
    record Timing(double wallMillis, BlogChild.Result result) {
    }

    @Override
    public String id() {
        return "blog-workload";
    }

    @Override
    public String description() {
        return "the blog workload (" + CLASSES + " classes x " + TESTS + " tests: a Post with 2 Comments persisted,"
                + " flushed and counted with JPQL) in a fresh JVM per engine, @DatabaseTest vs Hibernate by hand";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        int classes = options.smoke() ? SMOKE_CLASSES : CLASSES;
        int tests = options.smoke() ? SMOKE_TESTS : TESTS;
        report.progress("  compiling " + 2 * classes + " generated classes of " + tests + " tests...");
        try (GeneratedClasses generated = GeneratedClasses.compile(BlogSources.sources(classes, tests))) {
            List<String> keys = new ArrayList<>();
            for (Engine engine : options.engines()) {
                VARIANTS.forEach(variant -> keys.add(engine.id() + " " + variant));
            }
            Map<String, Samples> wall = new LinkedHashMap<>();
            Map<String, Samples> first = new LinkedHashMap<>();
            Map<String, Samples> last = new LinkedHashMap<>();
            Map<String, Samples> perTest = new LinkedHashMap<>();
            for (String key : keys) {
                wall.put(key, new Samples());
                first.put(key, new Samples());
                last.put(key, new Samples());
                perTest.put(key, new Samples());
            }
            Path classDir = generated.classDirectory();
            if (options.smoke()) {
                report.progress("  smoke: one child JVM per engine and variant, "
                        + Runtime.getRuntime().availableProcessors() + " at a time...");
                ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
                try {
                    Map<String, Future<Timing>> children = new LinkedHashMap<>();
                    for (String key : keys) {
                        String[] parts = key.split(" ");
                        children.put(key, pool.submit(() -> child(parts[1], parts[0], classes, tests, classDir)));
                    }
                    for (Map.Entry<String, Future<Timing>> child : children.entrySet()) {
                        record(child.getKey(), child.getValue().get(), wall, first, last, perTest);
                    }
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                } finally {
                    pool.shutdownNow();
                }
            } else {
                report.progress("  warming up: one untimed child JVM per engine and variant...");
                for (String key : keys) {
                    String[] parts = key.split(" ");
                    child(parts[1], parts[0], classes, tests, classDir);
                }
                for (int i = 0; i < options.jvms(); i++) {
                    report.progress("  child JVMs, round " + (i + 1) + " of " + options.jvms() + "...");
                    for (String key : keys) {
                        String[] parts = key.split(" ");
                        record(key, child(parts[1], parts[0], classes, tests, classDir), wall, first, last, perTest);
                    }
                }
            }

            Table absolute = new Table("engine", "variant", "wall s", "JVM start→first test body s", "JVM start→last test end s",
                    "mean per test after 1st class ms", "wall min..max s");
            Table ratios = new Table("engine", "wall", "JVM start→first test body", "JVM start→last test end",
                    "mean per test after 1st class");
            for (Engine engine : options.engines()) {
                for (String variant : VARIANTS) {
                    String key = engine.id() + " " + variant;
                    absolute.row(engine.id(), label(variant), seconds(wall.get(key).median()),
                            seconds(first.get(key).median()), seconds(last.get(key).median()),
                            Table.number(perTest.get(key).median() / 1000, 2),
                            seconds(wall.get(key).min()) + ".." + seconds(wall.get(key).max()));
                }
                String ours = engine.id() + " " + BlogSources.DBTESTKIT;
                String theirs = engine.id() + " " + BlogSources.BY_HAND;
                ratios.row(engine.id(), Table.ratio(wall.get(ours).median(), wall.get(theirs).median()),
                        Table.ratio(first.get(ours).median(), first.get(theirs).median()),
                        Table.ratio(last.get(ours).median(), last.get(theirs).median()),
                        Table.ratio(perTest.get(ours).median(), perTest.get(theirs).median()));
            }
            for (String key : keys) {
                String[] parts = key.split(" ");
                String name = parts[0] + " · " + label(parts[1]);
                report.samples(name + " · wall", "ms", wall.get(key));
                report.samples(name + " · JVM start→first test body", "ms", first.get(key));
                report.samples(name + " · JVM start→last test end", "ms", last.get(key));
                report.samples(name + " · mean per test after 1st class", "µs/test", perTest.get(key));
            }
            report.table("The blog workload, " + classes + " classes x " + tests + " tests, medians of "
                    + (options.smoke() ? 1 : options.jvms()) + " child JVMs per engine and variant:", absolute);
            report.table("dbtestkit / Hibernate by hand (below 1.00x: dbtestkit is faster), same run:", ratios);
            report.note("wall = from ProcessBuilder.start() to the child's exit, measured by this JVM (JVM shutdown,"
                    + " stopping PostgreSQL included); JVM start→… = the child's own RuntimeMXBean start time to the first"
                    + " test body's start (once the database, schema and factory are ready, for both variants) and to"
                    + " the last test's end; mean per test after 1st class = (last test end − end of"
                    + " the first class) / tests after it, so later classes' own setup is in it.");
        }
    }

    private static String label(String variant) {
        return variant.equals(BlogSources.DBTESTKIT) ? "dbtestkit @DatabaseTest" : "Hibernate by hand";
    }

    private static String seconds(double millis) {
        return Table.number(millis / 1000, 2);
    }

    private static void record(String key, Timing timing, Map<String, Samples> wall, Map<String, Samples> first,
                               Map<String, Samples> last, Map<String, Samples> perTest) {
        wall.get(key).add(timing.wallMillis());
        first.get(key).add(timing.result().firstTestMillis());
        last.get(key).add(timing.result().lastTestEndMillis());
        perTest.get(key).add(timing.result().afterFirstClassMicros());
    }

    /** Runs one child JVM in a temporary folder of its own, deleted afterwards. */
    static Timing child(String variant, String engine, int classes, int tests, Path classDir)
            throws IOException, InterruptedException {
        Path workDir = Folders.createTemp("dbtestkit-bench-blog");
        try {
            String classPath = Stream.concat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                            .filter(entry -> !entry.isEmpty()), Stream.of(classDir.toString()))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(javaBinary(),
                    "-Duser.language=en", "-Duser.country=US", "-Dorg.jboss.logging.provider=slf4j"));
            // The provider settings of PostgreSQL reach the child as they reached this JVM.
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("dbtestkit."))
                    .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
            command.addAll(List.of("-cp", classPath, BlogChild.class.getName(), variant, engine,
                    Integer.toString(classes), Integer.toString(tests), workDir.resolve("report").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            long start = System.nanoTime();
            Process process = builder.start();
            BlogChild.Result result = null;
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    result = BlogChild.Result.parse(line).orElse(result);
                    tail.addLast(line);
                    if (tail.size() > 30) {
                        tail.removeFirst();
                    }
                }
            } finally {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            long end = System.nanoTime();
            int exit = process.exitValue();
            if (exit != 0 || result == null) {
                throw new IllegalStateException("The blog child JVM for " + variant + " on " + engine + " exited with "
                        + exit + "; its last output:\n  " + String.join("\n  ", tail));
            }
            return new Timing((end - start) / 1e6, result);
        } finally {
            Folders.delete(workDir);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
